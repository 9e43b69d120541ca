package dev.topowatch.diagram.text;

import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;
import guru.nidi.graphviz.model.Link;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;

/**
 * The topology as Graphviz DOT, for docs and wikis: servers as clusters, dependencies as edges,
 * redundant sets as a small diamond, groups with dotted edges to their members, each box coloured by
 * its status when a snapshot is given, the board's title as the graph's label. Built as graphviz-java's
 * model, which quotes every identifier and label ({@link DotText}).
 */
public final class DotExporter {

    private DotExporter() {
    }

    public static String export(Topology topology, StatusSnapshot snapshot) {
        var dot = mutGraph("topology").setDirected(true);
        dot.graphAttrs().add("label", DotText.literal(topology.board().title()));
        DotText.set(dot.graphAttrs(), "rankdir", "TB", "fontname", "Helvetica", "labelloc", "t");
        DotText.set(dot.nodeAttrs(), "shape", "box", "style", "rounded,filled", "fontname", "Helvetica", "fontsize", "11");
        DotText.set(dot.linkAttrs(), "color", "#6e7781");
        var entities = topology.entities();
        for (var server : entities.values()) {
            if (server.type() != EntityType.SERVER) {
                continue;
            }
            var cluster = mutGraph(DotText.escaped(server.name())).setDirected(true).setCluster(true);
            cluster.graphAttrs().add("label", DotText.literal(server.name() + status(snapshot, server.name())));
            cluster.graphAttrs().add("style", "rounded");
            // Edges to a server end at this invisible point inside its frame.
            cluster.add(node(server.name()).add("shape", "point").add("style", "invis"));
            entities.values().stream().filter(entity -> server.name().equals(entity.server()))
                    .forEach(entity -> cluster.add(box(entity, snapshot)));
            dot.add(cluster);
        }
        entities.values().stream().filter(entity -> entity.type() != EntityType.SERVER && entity.server() == null)
                .forEach(entity -> dot.add(box(entity, snapshot)));
        // Edges hang off attribute-less stand-ins at the top level: graphviz-java writes a node's edges in
        // the scope that holds it, and an edge written inside a cluster would pull its far end in.
        var tails = new LinkedHashMap<String, MutableNode>();
        for (var entity : entities.values()) {
            edges(dot, entity, tails);
        }
        tails.values().forEach(dot::add);
        return DotText.serialize(dot);
    }

    private static void edges(MutableGraph dot, Entity entity, Map<String, MutableNode> tails) {
        int fork = 0;
        for (var dependency : entity.dependsOn()) {
            switch (dependency) {
                case Dependency.On on -> link(tails, entity.name(), Link.to(node(on.name())));
                case Dependency.AnyOf anyOf -> {
                    var forkName = entity.name() + " any_of " + fork++;
                    dot.add(node(forkName).add("shape", "diamond").add("label", "any").add("width", "0.3").add("height", "0.3")
                            .add("fontsize", "8"));
                    link(tails, entity.name(), Link.to(node(forkName)).with("arrowhead", "none"));
                    anyOf.names().stream().sorted().forEach(name -> link(tails, forkName, Link.to(node(name))));
                }
            }
        }
        if (entity.check() instanceof GroupCheck group) {
            group.members().stream().sorted().forEach(member -> link(tails, entity.name(), Link.to(node(member)).with("style", "dotted")));
        }
    }

    private static void link(Map<String, MutableNode> tails, String from, Link link) {
        tails.computeIfAbsent(from, DotExporter::node).addLink(link);
    }

    private static MutableNode box(Entity entity, StatusSnapshot snapshot) {
        var status = snapshot == null ? null : snapshot.of(entity.name()).status();
        var colour = status == null ? "#eeeeee" : status.colour();
        return node(entity.name())
                .add("label", DotText.literal(entity.name() + "\n" + entity.type().yamlName() + status(snapshot, entity.name())))
                .add("fillcolor", colour + "40")
                .add("color", colour);
    }

    private static MutableNode node(String name) {
        return mutNode(DotText.literal(name));
    }

    private static String status(StatusSnapshot snapshot, String name) {
        return snapshot == null ? "" : " (" + snapshot.of(name).status().wireName() + ")";
    }
}
