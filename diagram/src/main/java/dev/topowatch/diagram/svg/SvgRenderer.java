package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the SVG of a laid-out topology as a template: every entity a {@code <g>} with a stable id,
 * {@code data-entity}, {@code data-status} and a class per status; servers as framed clusters;
 * dependencies as arrows; a legend. Nothing from the data reaches the SVG unescaped, and nothing
 * executable is written at all: no scripts, no event attributes, no links.
 */
public final class SvgRenderer {
    private static final double LEGEND_HEIGHT = 34;
    private static final double TITLE_HEIGHT = 30;

    private final List<SvgTemplate.Part> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    private SvgRenderer() {
    }

    public static SvgTemplate template(Topology topology, DiagramGraph graph, Layout layout, Theme theme, String title) {
        var renderer = new SvgRenderer();
        renderer.write(topology, graph, layout, theme, title);
        return renderer.finish();
    }

    private void write(Topology topology, DiagramGraph graph, Layout layout, Theme theme, String title) {
        double width = Math.max(layout.width(), 640);
        double height = layout.height() + TITLE_HEIGHT + LEGEND_HEIGHT;
        text("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").text(number(width))
                .text("\" height=\"").text(number(height)).text("\" viewBox=\"0 0 ").text(number(width)).text(' ')
                .text(number(height)).text("\" class=\"topowatch-diagram\" data-engine=\"").text(Xml.escape(layout.engine())).text("\">\n");
        text("<title>").text(Xml.escape(title)).text("</title>\n");
        text("<style>").text(theme.css()).text("</style>\n");
        text("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\">")
                .text("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").text(theme.edge).text("\"/></marker>")
                .text("<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">")
                .text("<rect width=\"8\" height=\"8\" fill=\"").text(theme.background).text("\"/>")
                .text("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"").text(Status.BLOCKED.colour())
                .text("\" stroke-width=\"3\" stroke-opacity=\"0.45\"/></pattern></defs>\n");
        text("<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n");
        text("<text class=\"title\" x=\"20\" y=\"22\">").text(Xml.escape(title)).text("</text>\n");
        text("<g transform=\"translate(0,").text(number(TITLE_HEIGHT)).text(")\">\n");
        for (var cluster : sortedKeys(layout.clusters())) {
            cluster(topology, cluster.substring("server-".length()), layout.clusters().get(cluster));
        }
        for (var route : layout.routes()) {
            edge(route, graph);
        }
        for (var node : graph.nodes()) {
            var rect = layout.nodes().get(node.id());
            if (rect == null) {
                continue;
            }
            if (node.kind() == DiagramGraph.NodeKind.FORK) {
                fork(node, rect);
            } else {
                entity(topology, node.entity(), rect);
            }
        }
        text("</g>\n");
        legend(height - LEGEND_HEIGHT + 8);
        text("</svg>\n");
    }

    private void cluster(Topology topology, String server, Layout.Rect rect) {
        text("<g id=\"").text(Xml.escape(DiagramGraph.clusterId(server))).text("\" data-entity=\"").text(Xml.escape(server)).text('"');
        hole(SvgTemplate.Kind.ENTITY_ATTRIBUTES, server, null, null, List.of(), "cluster entity-frame");
        text(">");
        text("<title>");
        hole(SvgTemplate.Kind.TOOLTIP, server, null, null, List.of(), null);
        text("</title>");
        text("<rect class=\"frame\" x=\"").text(number(rect.x())).text("\" y=\"").text(number(rect.y()))
                .text("\" width=\"").text(number(rect.width())).text("\" height=\"").text(number(rect.height())).text("\"/>");
        var entity = topology.entities().get(server);
        text("<text class=\"name\" x=\"").text(number(rect.x() + 12)).text("\" y=\"").text(number(rect.y() + 18)).text("\">")
                .text(Xml.escape(Xml.shorten("▣ " + server, 40))).text("</text>");
        text("<text class=\"status\" x=\"").text(number(rect.x() + 12)).text("\" y=\"").text(number(rect.y() + 30)).text("\">");
        hole(SvgTemplate.Kind.STATUS_LINE, server, null, null, List.of(), null);
        if (entity != null && entity.runtime() != null) {
            text(Xml.escape(" · " + Xml.shorten(entity.runtime(), 20)));
        }
        text("</text></g>\n");
    }

    private void edge(Layout.Route route, DiagramGraph graph) {
        var edge = route.edge();
        if (route.points().size() < 2) {
            return;
        }
        var path = new StringBuilder();
        for (int i = 0; i < route.points().size(); i++) {
            var point = route.points().get(i);
            path.append(i == 0 ? "M" : " L").append(number(point.x())).append(',').append(number(point.y()));
        }
        boolean intoFork = edge.to().startsWith("fork-");
        var targets = intoFork ? forkTargets(graph, edge.to()) : List.of(entityOf(edge.to()));
        text("<path id=\"").text(Xml.escape(edge.id())).text("\" data-from=\"").text(Xml.escape(edge.owner()))
                .text("\" data-to=\"").text(Xml.escape(String.join(" ", targets))).text('"');
        hole(SvgTemplate.Kind.EDGE_ATTRIBUTES, edge.owner(), null, edge, targets,
                "edge " + edge.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        text(" d=\"").text(path.toString()).text('"');
        if (!intoFork) {
            text(" marker-end=\"url(#arrow)\"");
        }
        text("/>\n");
    }

    private static List<String> forkTargets(DiagramGraph graph, String fork) {
        return graph.edges().stream().filter(edge -> edge.from().equals(fork)).map(edge -> entityOf(edge.to())).sorted().toList();
    }

    private static String entityOf(String nodeId) {
        return nodeId.startsWith("server-") ? nodeId.substring("server-".length()) : nodeId.substring("entity-".length());
    }

    private void fork(DiagramGraph.Node node, Layout.Rect rect) {
        double cx = rect.x() + rect.width() / 2;
        double cy = rect.y() + rect.height() / 2;
        text("<path class=\"fork\" id=\"").text(Xml.escape(node.id())).text("\" data-entity=\"").text(Xml.escape(node.entity()))
                .text("\" d=\"M").text(number(cx)).text(',').text(number(rect.y())).text(" L").text(number(rect.x() + rect.width()))
                .text(',').text(number(cy)).text(" L").text(number(cx)).text(',').text(number(rect.y() + rect.height())).text(" L")
                .text(number(rect.x())).text(',').text(number(cy)).text(" z\"><title>any of</title></path>\n");
    }

    private void entity(Topology topology, String name, Layout.Rect rect) {
        var entity = topology.entities().get(name);
        text("<g id=\"").text(Xml.escape(DiagramGraph.nodeId(name))).text("\" data-entity=\"").text(Xml.escape(name))
                .text("\" data-type=\"").text(entity.type().yamlName()).text('"');
        if (entity.server() != null) {
            text(" data-server=\"").text(Xml.escape(entity.server())).text('"');
        }
        hole(SvgTemplate.Kind.ENTITY_ATTRIBUTES, name, null, null, List.of(), entity.type() == EntityType.GROUP ? "entity group" : "entity");
        text(">");
        text("<title>");
        hole(SvgTemplate.Kind.TOOLTIP, name, null, null, List.of(), null);
        text("</title>");
        text("<rect class=\"box\" x=\"").text(number(rect.x())).text("\" y=\"").text(number(rect.y())).text("\" width=\"")
                .text(number(rect.width())).text("\" height=\"").text(number(rect.height())).text("\"/>");
        double x = rect.x() + 10;
        double y = rect.y() + BoxText.TOP - 3;
        int limit = (int) ((rect.width() - 20) / BoxText.CHARACTER) + 2;
        text("<text class=\"name\" x=\"").text(number(x)).text("\" y=\"").text(number(y)).text("\">")
                .text(Xml.escape(Xml.shorten(name, limit))).text("</text>");
        y += BoxText.LINE;
        text("<text class=\"kind\" x=\"").text(number(x)).text("\" y=\"").text(number(y)).text("\">")
                .text(Xml.escape(Xml.shorten(BoxText.kindLine(entity), limit))).text("</text>");
        y += BoxText.LINE;
        text("<text class=\"status\" x=\"").text(number(x)).text("\" y=\"").text(number(y)).text("\">");
        hole(SvgTemplate.Kind.STATUS_LINE, name, null, null, List.of(), null);
        text("</text>");
        for (var key : BoxText.extraKeys(entity)) {
            y += BoxText.LINE;
            text("<text class=\"extra\" x=\"").text(number(x)).text("\" y=\"").text(number(y)).text("\">");
            hole(SvgTemplate.Kind.EXTRA_LINE, name, key, null, List.of(), null);
            text("</text>");
        }
        int hidden = BoxText.hiddenExtras(entity);
        if (hidden > 0) {
            y += BoxText.LINE;
            text("<text class=\"extra more\" x=\"").text(number(x)).text("\" y=\"").text(number(y)).text("\">")
                    .text(BoxText.hiddenExtrasLine(hidden)).text("</text>");
        }
        text("</g>\n");
    }

    private void legend(double y) {
        text("<g class=\"legend\" transform=\"translate(20,").text(number(y)).text(")\">");
        double x = 0;
        for (var status : Status.values()) {
            text("<g class=\"status-").text(status.wireName()).text("\"><rect x=\"").text(number(x)).text("\" y=\"0\" width=\"12\" height=\"12\" rx=\"2\"/>")
                    .text("<text x=\"").text(number(x + 16)).text("\" y=\"10\">").text(StatusText.symbol(status)).text(' ')
                    .text(status.wireName()).text("</text></g>");
            x += 24 + 8 * status.wireName().length() + 10;
        }
        text("</g>\n");
    }

    private static List<String> sortedKeys(Map<String, Layout.Rect> map) {
        return map.keySet().stream().sorted().toList();
    }

    /** Fixed format, locale-independent: the same layout always writes the same bytes. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private SvgRenderer text(String text) {
        literal.append(text);
        return this;
    }

    private SvgRenderer text(char character) {
        literal.append(character);
        return this;
    }

    private void hole(SvgTemplate.Kind kind, String entity, String key, DiagramGraph.Edge edge, List<String> targets, String baseClass) {
        flush();
        parts.add(new SvgTemplate.Hole(kind, entity, key, edge, targets, baseClass));
    }

    private void flush() {
        if (!literal.isEmpty()) {
            parts.add(new SvgTemplate.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private SvgTemplate finish() {
        flush();
        return new SvgTemplate(parts);
    }
}
