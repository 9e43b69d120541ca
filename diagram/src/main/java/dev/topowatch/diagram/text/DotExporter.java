package dev.topowatch.diagram.text;

import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

/**
 * The topology as Graphviz DOT, for docs and wikis: servers as clusters, dependencies as edges,
 * redundant sets as a small point, groups with dotted edges to their members, each box coloured by
 * its status when a snapshot is given. Every identifier and label is quoted and escaped.
 */
public final class DotExporter {

    private DotExporter() {
    }

    public static String export(Topology topology, StatusSnapshot snapshot) {
        var dot = new StringBuilder("digraph topology {\n");
        dot.append("  graph [rankdir=TB, fontname=\"Helvetica\", label=").append(quote(topology.board().title())).append(", labelloc=t];\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n");
        dot.append("  edge [color=\"#6e7781\"];\n");
        var entities = topology.entities();
        for (var server : entities.values()) {
            if (server.type() != EntityType.SERVER) {
                continue;
            }
            dot.append("  subgraph ").append(quote("cluster_" + server.name())).append(" {\n");
            dot.append("    label=").append(quote(server.name() + status(snapshot, server.name()))).append(";\n");
            dot.append("    style=\"rounded\";\n");
            dot.append("    ").append(quote(server.name())).append(" [shape=point, style=invis];\n");
            for (var entity : entities.values()) {
                if (server.name().equals(entity.server())) {
                    dot.append("    ").append(node(entity.name(), entity.type().yamlName(), snapshot)).append('\n');
                }
            }
            dot.append("  }\n");
        }
        for (var entity : entities.values()) {
            if (entity.type() != EntityType.SERVER && entity.server() == null) {
                dot.append("  ").append(node(entity.name(), entity.type().yamlName(), snapshot)).append('\n');
            }
        }
        for (var entity : entities.values()) {
            int fork = 0;
            for (var dependency : entity.dependsOn()) {
                switch (dependency) {
                    case Dependency.On on -> dot.append("  ").append(quote(entity.name())).append(" -> ").append(quote(on.name())).append(";\n");
                    case Dependency.AnyOf anyOf -> {
                        var forkName = entity.name() + " any_of " + fork++;
                        dot.append("  ").append(quote(forkName)).append(" [shape=diamond, label=\"any\", width=0.3, height=0.3, fontsize=8];\n");
                        dot.append("  ").append(quote(entity.name())).append(" -> ").append(quote(forkName)).append(" [arrowhead=none];\n");
                        anyOf.names().stream().sorted().forEach(name ->
                                dot.append("  ").append(quote(forkName)).append(" -> ").append(quote(name)).append(";\n"));
                    }
                }
            }
            if (entity.check() instanceof GroupCheck group) {
                group.members().stream().sorted().forEach(member -> dot.append("  ").append(quote(entity.name())).append(" -> ")
                        .append(quote(member)).append(" [style=dotted];\n"));
            }
        }
        return dot.append("}\n").toString();
    }

    private static String node(String name, String type, StatusSnapshot snapshot) {
        var status = snapshot == null ? null : snapshot.of(name).status();
        var colour = status == null ? "#eeeeee" : status.colour();
        return quote(name) + " [label=" + quote(name + "\\n" + type + status(snapshot, name)) + ", fillcolor=" + quote(colour + "40")
                + ", color=" + quote(colour) + "];";
    }

    private static String status(StatusSnapshot snapshot, String name) {
        return snapshot == null ? "" : " (" + snapshot.of(name).status().wireName() + ")";
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, line breaks as DOT's own. */
    static String quote(String text) {
        var escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n");
        // Keep our own \n line breaks in labels: they were written as "\\n" before escaping.
        return "\"" + escaped.replace("\\\\n", "\\n") + "\"";
    }
}
