package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.topology.Topology;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SVG of a graph laid out by a layout engine (the layered view, a focus view): servers as framed
 * clusters, every entity a box, dependencies as arrows.
 */
public final class SvgRenderer {

    private SvgRenderer() {
    }

    public static SvgTemplate template(Topology topology, DiagramGraph graph, Layout layout, Theme theme, String title) {
        return template(topology, graph, layout, theme, title, "layered");
    }

    public static SvgTemplate template(Topology topology, DiagramGraph graph, Layout layout, Theme theme, String title, String view) {
        var svg = new SvgWriter();
        SvgDocument.open(svg, layout.width(), layout.height(), 1, theme, title, Map.of("engine", layout.engine(), "view", view));
        for (var cluster : layout.clusters().keySet().stream().sorted().toList()) {
            cluster(svg, topology, cluster.substring("server-".length()), layout.clusters().get(cluster));
        }
        for (var route : layout.routes()) {
            edge(svg, route, graph);
        }
        for (var node : graph.nodes()) {
            var rect = layout.nodes().get(node.id());
            if (rect == null) {
                continue;
            }
            if (node.kind() == DiagramGraph.NodeKind.FORK) {
                fork(svg, node, rect);
            } else {
                EntityBox.write(svg, topology, node.entity(), rect);
            }
        }
        SvgDocument.close(svg, layout.height(), 1);
        return svg.finish();
    }

    private static void cluster(SvgWriter svg, Topology topology, String server, Layout.Rect rect) {
        svg.text("<g id=\"").text(Xml.escape(DiagramGraph.clusterId(server))).text("\" data-entity=\"").text(Xml.escape(server)).text('"');
        svg.hole(new EntityHoles.Attributes(server, "cluster entity-frame"));
        svg.text("><title>").hole(new EntityHoles.Tooltip(server)).text("</title>");
        svg.text("<rect class=\"frame\"").attribute("x", rect.x()).attribute("y", rect.y()).attribute("width", rect.width())
                .attribute("height", rect.height()).text("/>");
        var entity = topology.entities().get(server);
        svg.text("<text class=\"name\"").attribute("x", rect.x() + 12).attribute("y", rect.y() + 18).text('>')
                .text(Xml.escape(Xml.shorten("▣ " + server, 40))).text("</text>");
        var runtime = entity != null && entity.runtime() != null ? " · " + Xml.shorten(entity.runtime(), 20) : "";
        svg.text("<text class=\"status\"").attribute("x", rect.x() + 12).attribute("y", rect.y() + 30).text('>')
                .hole(new EntityHoles.StatusLine(server, runtime)).text("</text></g>\n");
    }

    private static void edge(SvgWriter svg, Layout.Route route, DiagramGraph graph) {
        var edge = route.edge();
        if (route.points().size() < 2) {
            return;
        }
        boolean intoFork = edge.to().startsWith("fork-");
        var targets = intoFork ? forkTargets(graph, edge.to()) : List.of(entityOf(edge.to()));
        EntityBox.edge(svg, edge.id(), edge.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                List.of(new EntityHoles.Link(edge.owner(), targets)), route.points(), !intoFork);
    }

    private static List<String> forkTargets(DiagramGraph graph, String fork) {
        return graph.edges().stream().filter(edge -> edge.from().equals(fork)).map(edge -> entityOf(edge.to())).sorted().toList();
    }

    private static String entityOf(String nodeId) {
        return nodeId.startsWith("server-") ? nodeId.substring("server-".length()) : nodeId.substring("entity-".length());
    }

    private static void fork(SvgWriter svg, DiagramGraph.Node node, Layout.Rect rect) {
        double cx = rect.x() + rect.width() / 2;
        double cy = rect.y() + rect.height() / 2;
        svg.text("<path class=\"fork\"").attribute("id", node.id()).attribute("data-fork", node.entity())
                .text(" d=\"M").number(cx).text(',').number(rect.y()).text(" L").number(rect.x() + rect.width())
                .text(',').number(cy).text(" L").number(cx).text(',').number(rect.y() + rect.height()).text(" L")
                .number(rect.x()).text(',').number(cy).text(" z\"><title>any of</title></path>\n");
    }
}
