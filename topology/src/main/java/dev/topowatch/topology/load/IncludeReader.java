package dev.topowatch.topology.load;

import dev.topowatch.topology.Alerts;
import dev.topowatch.topology.Defaults;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code include:}: every file it names, each holding {@code entities:} (and optionally its own
 * {@code defaults:}, a {@code project:} its entities belong to, and that project's {@code alerts:}).
 * Problems in an included file are said at that file's lines.
 */
final class IncludeReader {
    static final Set<String> KEYS = Set.of("entities", "defaults", "project", "alerts");

    private final Reading reading;
    private final Path including;
    private final Defaults defaults;
    private final EntitySection entities;
    private final TreeMap<String, Alerts> projectAlerts = new TreeMap<>();
    private final Map<String, Node> projectAlertsAt = new HashMap<>();

    IncludeReader(Reading reading, Path including, Defaults defaults, EntitySection entities) {
        this.reading = reading;
        this.including = including;
        this.defaults = defaults;
        this.entities = entities;
    }

    /** The entries as written, after every file they name is read. */
    List<String> read(YamlMap top) {
        var entries = new ArrayList<String>();
        var seen = new HashSet<Path>();
        seen.add(including.toAbsolutePath().normalize());
        for (var scalar : top.scalars("include", true)) {
            var entry = scalar.value().strip();
            entries.add(entry);
            List<Path> files;
            try {
                files = Includes.files(including, entry);
            } catch (IOException | UncheckedIOException unreadable) {
                top.error(scalar.node(), "'include' " + scalar.shown().substring(1, scalar.shown().length() - 1)
                        + ": its folder cannot be read (" + Printable.line(unreadable.getMessage()) + ")");
                continue;
            }
            // A file named twice (or the including file matched by its own glob) is read once.
            files.stream().filter(file -> seen.add(file.toAbsolutePath().normalize())).forEach(file -> readFile(file, scalar));
        }
        return entries;
    }

    /** The {@code alerts:} of the project files read, by project. */
    TreeMap<String, Alerts> projectAlerts() {
        return projectAlerts;
    }

    private void readFile(Path file, Scalar entry) {
        if (!Files.exists(file)) {
            // Said where it is named: that is the line to fix.
            reading.problems.error(entry.node(), "'include' names " + Scalar.quote(file.toString()) + ", which does not exist");
            return;
        }
        var problems = reading.problems.in(file.toString());
        var text = TopologyFile.read(file, problems);
        if (text.isEmpty()) {
            return;
        }
        var composed = YamlSource.compose(text.get(), file.toString(), problems);
        if (composed.isEmpty() || YamlMap.isNull(composed.get())) {
            if (!problems.hasErrors()) {
                problems.fileError("the file is empty: an included file needs 'entities:'");
            }
            return;
        }
        var map = YamlMap.of(reading, composed.get(), "", "an included file", composed.get());
        if (map == null) {
            return;
        }
        map.rejectUnknown(KEYS, " in an included file");
        var project = Projects.name(map, "project");
        var own = map.map("defaults");
        var fileDefaults = own == null ? defaults : DefaultsReader.read(own, defaults);
        alerts(map, project);
        if (map.require("entities")) {
            entities.read(map, fileDefaults, file.toAbsolutePath().normalize().getParent(), project);
        }
    }

    /** A project's own channels: one {@code alerts:} per project, in a file that says which project. */
    private void alerts(YamlMap map, String project) {
        var section = map.map("alerts");
        if (section == null) {
            return;
        }
        var alerts = AlertsReader.read(section, reading);
        if (project == null) {
            if (!map.has("project")) {
                map.error(map.keyNode("alerts"), "'alerts' in an included file are a project's own: add 'project: NAME' to say whose");
            }
            return;
        }
        var earlier = projectAlertsAt.putIfAbsent(project, map.keyNode("alerts"));
        if (earlier != null) {
            map.error(map.keyNode("alerts"), "project " + Scalar.quote(project) + " has its 'alerts' already at "
                    + earlier.getStartMark().map(mark -> mark.getName() + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)).orElse("?")
                    + ": give them once, in one of its files");
            return;
        }
        projectAlerts.put(project, alerts);
    }
}
