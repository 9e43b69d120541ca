package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Topology;

import java.util.List;

/** Writes what every view draws the same way: an entity's box and an edge between boxes. */
public final class EntityBox {

    private EntityBox() {
    }

    /**
     * The box of {@code name} at {@code rect}: a group with a stable id, {@code data-entity} and a class
     * per status, holding its name, kind, status line and extra values.
     */
    public static void write(SvgWriter svg, Topology topology, String name, Layout.Rect rect) {
        var entity = topology.entities().get(name);
        svg.text("<g id=\"").text(Xml.escape(DiagramGraph.nodeId(name))).text("\" data-entity=\"").text(Xml.escape(name))
                .text("\" data-type=\"").text(entity.type().yamlName()).text('"');
        if (entity.server() != null) {
            svg.attribute("data-server", entity.server());
        }
        svg.hole(new EntityHoles.Attributes(name, entity.type() == EntityType.GROUP ? "entity group" : "entity"));
        svg.text("><title>").hole(new EntityHoles.Tooltip(name)).text("</title>");
        svg.text("<rect class=\"box\"").attribute("x", rect.x()).attribute("y", rect.y()).attribute("width", rect.width())
                .attribute("height", rect.height()).text("/>");
        double x = rect.x() + 10;
        double y = rect.y() + BoxText.TOP - 3;
        int limit = (int) ((rect.width() - 20) / BoxText.CHARACTER) + 2;
        svg.text("<text class=\"name\"").attribute("x", x).attribute("y", y).text('>')
                .text(Xml.escape(Xml.shorten(name, limit))).text("</text>");
        y += BoxText.LINE;
        svg.text("<text class=\"kind\"").attribute("x", x).attribute("y", y).text('>')
                .text(Xml.escape(Xml.shorten(BoxText.kindLine(entity), limit))).text("</text>");
        y += BoxText.LINE;
        svg.text("<text class=\"status\"").attribute("x", x).attribute("y", y).text('>')
                .hole(new EntityHoles.StatusLine(name, "")).text("</text>");
        for (var key : BoxText.extraKeys(entity)) {
            y += BoxText.LINE;
            svg.text("<text class=\"extra\"").attribute("x", x).attribute("y", y).attribute("data-key", key).text('>')
                    .hole(new EntityHoles.ExtraLine(name, key)).text("</text>");
        }
        int hidden = BoxText.hiddenExtras(entity);
        if (hidden > 0) {
            y += BoxText.LINE;
            svg.text("<text class=\"extra more\"").attribute("x", x).attribute("y", y).text('>')
                    .text(BoxText.hiddenExtrasLine(hidden)).text("</text>");
        }
        svg.text("</g>\n");
    }

    /**
     * A path through {@code points}, straight segments, with the links it draws in {@code data-links}
     * so that the page can recolour it; an arrow at the end unless it leads into a fork.
     */
    public static void edge(SvgWriter svg, String id, String kindClass, List<EntityHoles.Link> links, List<Layout.Point> points,
                            boolean arrow) {
        var path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            var point = points.get(i);
            path.append(i == 0 ? "M" : " L").append(SvgWriter.format(point.x())).append(',').append(SvgWriter.format(point.y()));
        }
        path(svg, id, kindClass, links, path.toString(), arrow);
    }

    /** The same with a path already written ({@code d}), e.g. a curve. */
    public static void path(SvgWriter svg, String id, String kindClass, List<EntityHoles.Link> links, String d, boolean arrow) {
        path(svg, id, kindClass, links, d, arrow, null);
    }

    /** ... with an inline {@code style} (null for none), e.g. a bundle's width. */
    public static void path(SvgWriter svg, String id, String kindClass, List<EntityHoles.Link> links, String d, boolean arrow,
                            String style) {
        svg.text("<path").attribute("id", id);
        if (style != null) {
            svg.attribute("style", style);
        }
        svg.attribute("data-links", String.join(" ", links.stream().map(EntityHoles.Link::wire).toList()));
        svg.hole(new EntityHoles.EdgeAttributes("edge " + kindClass, links));
        svg.text(" d=\"").text(d).text('"');
        if (arrow) {
            svg.text(" marker-end=\"url(#arrow)\"");
        }
        svg.text("/>\n");
    }
}
