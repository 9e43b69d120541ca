package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.svg.EntityBox;
import dev.topowatch.diagram.svg.EntityHoles;
import dev.topowatch.diagram.svg.SvgWriter;
import dev.topowatch.topology.Topology;

import java.util.List;
import java.util.Locale;

/**
 * An open tile's inside, in its own coordinates (moved into place by a {@code translate}): the header
 * with the server's status, the arcs between its boxes, and the boxes. The page fetches it on its own
 * to open a closed tile in place.
 */
final class TileDetail {

    private TileDetail() {
    }

    static void write(SvgWriter svg, Topology topology, TileGraph graph, Tile tile, TileInterior interior, double x, double y) {
        svg.text("<g class=\"detail\"").attribute("data-tile", tile.id()).text(" transform=\"translate(").number(x).text(',').number(y).text(")\">");
        svg.text("<text class=\"tile-name\" x=\"12\" y=\"19\" font-size=\"14\">")
                .text(Xml.escape(Xml.shorten(tile.server() == null ? tile.label() : "▣ " + tile.label(), (int) (interior.width() / 8))))
                .text("</text>");
        boolean ownStatus = tile.server() != null && tile.serverShown();
        svg.text(ownStatus ? "<text class=\"tile-status\"" : "<text class=\"tile-status tile-counts\"")
                .text(" x=\"12\" y=\"34\" font-size=\"11\"");
        if (ownStatus) {
            svg.attribute("data-server", tile.server()).text('>');
            var runtime = topology.entities().get(tile.server()).runtime();
            svg.hole(new EntityHoles.StatusLine(tile.server(), runtime == null ? "" : " · " + Xml.shorten(runtime, 20)));
        } else {
            int characters = (int) (interior.width() / 6.5);
            svg.attribute("data-characters", String.valueOf(characters)).text('>');
            svg.hole(new TileHoles.Counts(tile.summarised(), characters));
        }
        svg.text("</text>\n");
        for (var arc : graph.insideOf(tile.id())) {
            var from = interior.boxes().get(arc.from());
            var to = interior.boxes().get(arc.to());
            if (from != null && to != null) {
                EntityBox.path(svg, "arc-" + arc.from() + "--" + arc.to(), kindClass(arc), List.of(arc.link()), interior.route(from, to), true);
            }
        }
        for (var name : tile.members()) {
            EntityBox.write(svg, topology, name, interior.boxes().get(name));
        }
        svg.text("</g>\n");
    }

    static String kindClass(Arc arc) {
        return arc.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where a box of an open tile is on the whole drawing. */
    static Layout.Rect absolute(Layout.Rect tile, Layout.Rect box) {
        return new Layout.Rect(tile.x() + box.x(), tile.y() + box.y(), box.width(), box.height());
    }
}
