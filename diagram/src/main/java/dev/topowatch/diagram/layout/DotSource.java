package dev.topowatch.diagram.layout;

import dev.topowatch.diagram.text.DotText;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;
import static guru.nidi.graphviz.model.Link.to;

/**
 * Our graph as the DOT that {@code dot} lays out, built as graphviz-java's model: boxes at their fixed
 * sizes, servers as clusters with an invisible anchor that edges to the server go to (clipped at the
 * frame by {@code lhead}/{@code ltail}). Graphviz's names are generated ({@code n3}, {@code cluster_c1},
 * {@code a1}) so no entity name reaches DOT syntax; {@code owners} maps them back to our ids.
 *
 * @param owners each Graphviz name to the box or server it stands for (an anchor stands for its server)
 */
record DotSource(String text, Map<String, String> owners) {
    private static final double POINTS_PER_INCH = 72;
    private static final String BOX = "n";

    static DotSource of(DiagramGraph graph) {
        var dot = mutGraph("g").setDirected(true);
        DotText.set(dot.graphAttrs(), "rankdir", "TB", "compound", "true", "nodesep", "0.35", "ranksep", "0.6", "pad", "0.25");
        DotText.set(dot.nodeAttrs(), "shape", "box", "fixedsize", "true", "label", "");
        var owners = new HashMap<String, String>();
        var names = new HashMap<String, String>();
        var clusterNames = new HashMap<String, String>();
        var subgraphs = new LinkedHashMap<String, MutableGraph>();
        for (var cluster : graph.clusters()) {
            var name = "c" + subgraphs.size();
            var subgraph = mutGraph(name).setDirected(true).setCluster(true);
            subgraph.graphAttrs().add("label", DotText.literal(cluster.id()));
            DotText.set(subgraph.graphAttrs(), "fontsize", "22", "labeljust", "l", "margin", "12");
            var anchor = "a" + subgraphs.size();
            subgraph.add(mutNode(anchor).add("shape", "point").add("width", "0.01").add("style", "invis"));
            owners.put(anchor, cluster.id());
            names.put(cluster.id(), anchor);
            clusterNames.put(cluster.id(), "cluster_" + name);
            owners.put("cluster_" + name, cluster.id());
            subgraphs.put(cluster.id(), subgraph);
            dot.add(subgraph);
        }
        for (var node : graph.nodes()) {
            var name = BOX + owners.size();
            var box = mutNode(name).add("width", inches(node.width())).add("height", inches(node.height()));
            if (node.kind() == DiagramGraph.NodeKind.FORK) {
                box.add("shape", "diamond");
            }
            (node.cluster() == null ? dot : subgraphs.get(node.cluster())).add(box);
            owners.put(name, node.id());
            names.put(node.id(), name);
        }
        // Edges hang off attribute-less stand-ins at the top level: graphviz-java writes a node's links in
        // the scope that holds the node, and an edge written inside a cluster would pull its far end in.
        var tails = new LinkedHashMap<String, MutableNode>();
        for (var edge : graph.edges()) {
            var link = to(mutNode(names.get(edge.to())));
            if (clusterNames.containsKey(edge.from())) {
                link = link.with("ltail", clusterNames.get(edge.from()));
            }
            if (clusterNames.containsKey(edge.to())) {
                link = link.with("lhead", clusterNames.get(edge.to()));
            }
            tails.computeIfAbsent(names.get(edge.from()), name -> mutNode(name)).addLink(link);
        }
        tails.values().forEach(dot::add);
        return new DotSource(DotText.serialize(dot), Map.copyOf(owners));
    }

    /** Whether a Graphviz name is one of our boxes (not an anchor or a cluster). */
    static boolean isBox(String name) {
        return name.startsWith(BOX);
    }

    private static String inches(double points) {
        return String.format(Locale.ROOT, "%.3f", points / POINTS_PER_INCH);
    }
}
