package dev.topowatch.topology.load;

import dev.topowatch.topology.Topology;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads and validates a topology file. Every problem is collected, with the file, line and column of
 * the value to edit, so that one run shows them all; a topology is returned only when there is no error.
 */
public final class TopologyLoader {
    static final Set<String> TOP_LEVEL_KEYS = Set.of("board", "defaults", "alerts", "entities", "include");

    private final Map<String, String> environment;

    /** @param environment what {@code ${VAR}} expands from; pass {@code System.getenv()} in the program */
    public TopologyLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static TopologyLoader withSystemEnvironment() {
        return new TopologyLoader(System.getenv());
    }

    public LoadResult load(Path file) {
        var problems = new Problems(file.toString());
        var text = TopologyFile.read(file, problems);
        return text.isPresent() ? parse(text.get(), file) : failed(problems);
    }

    /** Validates {@code text} as if it were the content of {@code file} (whose folder anchors relative paths and includes). */
    public LoadResult parse(String text, Path file) {
        var problems = new Problems(file.toString());
        var reading = new Reading(problems, environment);
        var directory = file.toAbsolutePath().normalize().getParent();
        var composed = YamlSource.compose(text, file.toString(), problems);
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
        var alerts = AlertsReader.read(top.map("alerts"), reading);
        var section = new EntitySection(reading);
        // Without includes, everything is in this file; with them, this file may hold only the board's settings.
        if (top.has("include") ? top.has("entities") : top.require("entities")) {
            section.read(top, defaults, directory, null);
        }
        var includes = new IncludeReader(reading, file, defaults, section);
        var include = includes.read(top);
        var entities = section.checked();
        if (entities.isEmpty() && !problems.hasErrors()) {
            var at = top.has("entities") ? top.keyNode("entities") : top.keyNode("include");
            problems.warning(at, top.has("include") ? "no entity in this file or the files it includes: the board will have nothing to show"
                    : "'entities' is empty: the board will have nothing to show");
        }
        if (problems.hasErrors()) {
            return failed(problems);
        }
        var topology = new Topology(file, board, defaults, alerts, entities, include, includes.projectAlerts());
        return new LoadResult(Optional.of(topology), problems.errors(), problems.warnings());
    }

    private static LoadResult failed(Problems problems) {
        return new LoadResult(Optional.empty(), problems.errors(), problems.warnings());
    }
}
