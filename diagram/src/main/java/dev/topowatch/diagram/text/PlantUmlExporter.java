package dev.topowatch.diagram.text;

import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

import java.util.HashMap;
import java.util.Map;

/**
 * The topology as PlantUML, for wikis that render it: servers as {@code node}s holding their entities,
 * databases and caches as {@code database}, groups as {@code collections}. PlantUML aliases must be
 * plain identifiers, so every entity gets a generated alias and its real name only as a quoted label.
 */
public final class PlantUmlExporter {

    private PlantUmlExporter() {
    }

    public static String export(Topology topology, StatusSnapshot snapshot) {
        var aliases = new HashMap<String, String>();
        int next = 0;
        for (var name : topology.entities().keySet()) {
            aliases.put(name, "e" + next++);
        }
        var uml = new StringBuilder("@startuml\n");
        uml.append("title ").append(label(topology.board().title())).append('\n');
        var entities = topology.entities();
        for (var server : entities.values()) {
            if (server.type() != EntityType.SERVER) {
                continue;
            }
            uml.append("node \"").append(label(server.name() + status(snapshot, server.name()))).append("\" as ")
                    .append(aliases.get(server.name())).append(colour(snapshot, server.name())).append(" {\n");
            for (var entity : entities.values()) {
                if (server.name().equals(entity.server())) {
                    uml.append("  ").append(element(entity, aliases, snapshot)).append('\n');
                }
            }
            uml.append("}\n");
        }
        for (var entity : entities.values()) {
            if (entity.type() != EntityType.SERVER && entity.server() == null) {
                uml.append(element(entity, aliases, snapshot)).append('\n');
            }
        }
        for (var entity : entities.values()) {
            for (var dependency : entity.dependsOn()) {
                switch (dependency) {
                    case Dependency.On on -> uml.append(aliases.get(entity.name())).append(" --> ").append(aliases.get(on.name())).append('\n');
                    case Dependency.AnyOf anyOf -> anyOf.names().stream().sorted().forEach(name -> uml.append(aliases.get(entity.name()))
                            .append(" ..> ").append(aliases.get(name)).append(" : any of\n"));
                }
            }
            if (entity.check() instanceof GroupCheck group) {
                group.members().stream().sorted().forEach(member -> uml.append(aliases.get(entity.name())).append(" .. ")
                        .append(aliases.get(member)).append('\n'));
            }
        }
        return uml.append("@enduml\n").toString();
    }

    private static String element(Entity entity, Map<String, String> aliases, StatusSnapshot snapshot) {
        var shape = switch (entity.type()) {
            case DATABASE, REDIS -> "database";
            case GROUP -> "collections";
            case COMMAND, HEARTBEAT -> "rectangle";
            default -> "component";
        };
        return shape + " \"" + label(entity.name()) + "\\n<size:10>" + entity.type().yamlName() + status(snapshot, entity.name())
                + "</size>\" as " + aliases.get(entity.name()) + colour(snapshot, entity.name());
    }

    private static String status(StatusSnapshot snapshot, String name) {
        return snapshot == null ? "" : " (" + snapshot.of(name).status().wireName() + ")";
    }

    private static String colour(StatusSnapshot snapshot, String name) {
        return snapshot == null ? "" : " " + snapshot.of(name).status().colour();
    }

    /** A label inside double quotes: quotes would end it and markup would be read as PlantUML's creole. */
    static String label(String text) {
        return text.replace("\"", "'").replace("\\", "/").replace("<", "‹").replace(">", "›").replaceAll("[\\r\\n]+", " ");
    }
}
