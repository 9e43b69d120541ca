package dev.topowatch.topology.load;

import dev.topowatch.topology.Defaults;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Topology;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads and validates a topology file. Every problem is collected, with the file, line and column of
 * the value to edit, so that one run shows them all; a topology is returned only when there is no error.
 */
public final class TopologyLoader {
    static final Set<String> TOP_LEVEL_KEYS = Set.of("board", "defaults", "alerts", "entities");

    private final Map<String, String> environment;
    private final Map<String, ChannelReader> channels;

    /** A loader that knows no alert channel: any section under {@code alerts:} but the group window is an error. */
    public TopologyLoader(Map<String, String> environment) {
        this(environment, Map.of());
    }

    /**
     * @param environment what {@code ${VAR}} expands from; pass {@code System.getenv()} in the program
     * @param channels    the reader of each alert channel's section, by its key under {@code alerts:}
     */
    public TopologyLoader(Map<String, String> environment, Map<String, ChannelReader> channels) {
        this.environment = Map.copyOf(environment);
        this.channels = Map.copyOf(channels);
    }

    public LoadResult load(Path file) {
        var problems = new Problems(file.toString());
        try {
            // The size is refused before the file is read: a log or a dump given by mistake costs nothing.
            long size = Files.size(file);
            if (size > YamlSource.MAX_SIZE) {
                problems.fileError("the file is " + String.format(Locale.ROOT, "%.1f", size / (1024.0 * 1024))
                        + " MiB; a topology is at most " + YamlSource.MAX_SIZE / (1024 * 1024) + " MiB");
                return failed(problems);
            }
            // At most one byte more than allowed, whatever the file: a pipe or a device has no size to ask.
            byte[] bytes;
            try (var input = Files.newInputStream(file)) {
                bytes = input.readNBytes(YamlSource.MAX_SIZE + 1);
            }
            if (bytes.length > YamlSource.MAX_SIZE) {
                problems.fileError("the file is larger than " + YamlSource.MAX_SIZE / (1024 * 1024) + " MiB, the most a topology may be");
                return failed(problems);
            }
            var text = Utf8Text.decode(bytes, problems);
            return text.isPresent() ? parse(text.get(), file) : failed(problems);
        } catch (NoSuchFileException missing) {
            problems.fileError("no such file");
        } catch (IOException unreadable) {
            problems.fileError("cannot read the file: " + Printable.line(unreadable.getMessage()));
        }
        return failed(problems);
    }

    /** Validates {@code text} as if it were the content of {@code file} (whose folder anchors relative paths). */
    public LoadResult parse(String text, Path file) {
        var problems = new Problems(file.toString());
        var reading = new Reading(problems, environment);
        var directory = file.toAbsolutePath().normalize().getParent();
        var composed = YamlSource.compose(text, problems);
        if (composed.isEmpty()) {
            if (!problems.hasErrors()) {
                problems.fileError("the file is empty: a topology needs at least 'entities:'");
            }
            return failed(problems);
        }
        var root = composed.get();
        if (YamlMap.isNull(root)) {
            // '---', '~', a directive or a tag with nothing after it: a document, but an empty one.
            problems.error(root, "the document is empty: a topology needs at least 'entities:'");
            return failed(problems);
        }
        var top = YamlMap.of(reading, root, "", "the file", root);
        if (top == null) {
            return failed(problems);
        }
        top.rejectUnknown(TOP_LEVEL_KEYS, " at the top level");
        var board = BoardReader.read(top.map("board"), directory);
        var defaults = DefaultsReader.read(top.map("defaults"));
        var alerts = AlertsReader.read(top.map("alerts"), reading, channels);
        var entities = entities(top, reading, defaults, directory);
        if (problems.hasErrors()) {
            return failed(problems);
        }
        var topology = new Topology(file, board, defaults, alerts, entities);
        return new LoadResult(Optional.of(topology), problems.errors(), problems.warnings());
    }

    private static TreeMap<String, Entity> entities(YamlMap top, Reading reading, Defaults defaults, Path directory) {
        var entities = new TreeMap<String, Entity>();
        if (!top.require("entities")) {
            return entities;
        }
        var section = YamlMap.of(reading, top.valueNode("entities"), "", "'entities'", top.keyNode("entities"));
        if (section == null) {
            return entities;
        }
        if (section.keys().isEmpty()) {
            reading.problems.warning(top.keyNode("entities"), "'entities' is empty: the board will have nothing to show");
        }
        var references = new ArrayList<Reference>();
        var reader = new EntityReader(reading, defaults, directory, references);
        var declared = new HashSet<String>();
        for (var name : section.keys()) {
            var nameNode = (ScalarNode) section.keyNode(name);
            if (!EntityReader.NAME.matcher(name).matches()) {
                reading.problems.error(nameNode, "invalid entity name " + Scalar.quote(name)
                        + ": use letters, digits, '_', '-' and '.', at most 128 of them");
                continue;
            }
            declared.add(name);
            var entity = reader.read(name, nameNode, section.valueNode(name));
            if (entity != null) {
                entities.put(name, entity);
            }
        }
        ReferenceCheck.check(references, declared, entities, reading.problems);
        CycleCheck.check(references, entities, reading.problems);
        return entities;
    }

    private static LoadResult failed(Problems problems) {
        return new LoadResult(Optional.empty(), problems.errors(), problems.warnings());
    }
}
