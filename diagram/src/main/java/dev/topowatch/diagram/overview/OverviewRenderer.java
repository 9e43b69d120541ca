package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.svg.EntityBox;
import dev.topowatch.diagram.svg.EntityHoles;
import dev.topowatch.diagram.svg.SvgDocument;
import dev.topowatch.diagram.svg.SvgTemplate;
import dev.topowatch.diagram.svg.SvgWriter;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.topology.Topology;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The overview as an SVG template. Closed: the bundles between tiles behind the tiles, each tile a
 * summary. Open: the frames, every tile's inside, then the arcs between boxes of different tiles over them.
 * Every tile is a {@code <g class="tile">} with {@code data-tile}, {@code data-entity} (for a server),
 * {@code data-status} (its worst entity's) and {@code data-members}, so that the page and scripts can
 * find and recolour it.
 */
public final class OverviewRenderer {
    static final int QUIET_BUNDLES_ABOVE = 30;

    private OverviewRenderer() {
    }

    public static SvgTemplate template(Topology topology, TileGraph graph, OverviewLayout layout, Theme theme, String title, String view) {
        var svg = new SvgWriter();
        double unit = 1 / layout.textScale();
        var data = new LinkedHashMap<String, String>();
        data.put("view", view);
        data.put("scale", String.format(java.util.Locale.ROOT, "%.4f", layout.scale()));
        data.put("open-scale", String.valueOf(OverviewLayout.OPEN_SCALE));
        data.put("tiles", layout.open() ? "open" : "closed");
        var projects = Projects.of(topology).names();
        if (!projects.isEmpty()) {
            // All of them, also when the picture shows one: the page's picker offers them.
            data.put("projects", String.join(" ", projects));
        }
        SvgDocument.open(svg, layout.width(), layout.height(), Math.max(1, unit), theme, title, data,
                new TileHoles.ProblemList(graph.tiles().stream().map(Tile::summarised).toList()));
        if (layout.tiles().isEmpty()) {
            svg.text("<text class=\"tile-name\" x=\"20\" y=\"40\" font-size=\"16\">")
                    .text(view.equals("problems") ? "No problems: nothing is down, blocked or degraded." : "Nothing to draw.").text("</text>\n");
        } else if (layout.open()) {
            frames(svg, layout, FramePacker.TITLE_FONT);
            svg.text("<g class=\"tiles\">\n");
            layout.tiles().forEach(placed -> tile(svg, placed, "tile open", unit));
            svg.text("</g>\n<g class=\"details\">\n");
            for (var placed : layout.tiles()) {
                TileDetail.write(svg, topology, graph, placed.tile(), placed.interior(), placed.rect().x(), placed.rect().y());
            }
            // Over the boxes, not under them: an arc hidden behind a box would seem to end there.
            svg.text("</g>\n<g class=\"arcs\">\n");
            arcs(svg, graph, layout);
            svg.text("</g>\n");
        } else {
            frames(svg, layout, FramePacker.TITLE_FONT * unit);
            svg.text("<g class=\"bundles\">\n");
            bundles(svg, graph, layout);
            svg.text("</g>\n<g class=\"tiles\">\n");
            layout.tiles().forEach(placed -> tile(svg, placed, "tile closed", unit));
            svg.text("</g>\n<g class=\"details\"></g>\n");
        }
        SvgDocument.close(svg, layout.height(), Math.max(1, unit));
        return svg.finish();
    }

    /** One tile drawn open on its own, at its interior's size: what the page inserts to open a closed tile. */
    public static SvgTemplate detail(Topology topology, TileGraph graph, Tile tile, TileInterior interior, Theme theme, String title) {
        var svg = new SvgWriter();
        SvgDocument.open(svg, interior.width(), interior.height(), 1, theme, title, Map.of("view", "tile", "tile", tile.id()));
        var placed = new OverviewLayout.PlacedTile(tile, new Layout.Rect(0, 0, interior.width(), interior.height()), interior, 0);
        tile(svg, placed, "tile open", 1);
        TileDetail.write(svg, topology, graph, tile, interior, 0, 0);
        SvgDocument.close(svg, interior.height(), 1);
        return svg.finish();
    }

    /**
     * The projects' frames, behind everything: a {@code <g class="project">} per project with
     * {@code data-project} and the colour of its worst entity, its name above its tiles.
     */
    private static void frames(SvgWriter svg, OverviewLayout layout, double fontSize) {
        if (layout.frames().isEmpty()) {
            return;
        }
        var members = new java.util.HashMap<String, List<String>>();
        for (var placed : layout.tiles()) {
            members.computeIfAbsent(FramePacker.frameName(placed.tile().project()), ignored -> new java.util.ArrayList<>())
                    .addAll(placed.tile().summarised());
        }
        svg.text("<g class=\"projects\">\n");
        for (var frame : layout.frames()) {
            var rect = frame.rect();
            var summarised = members.getOrDefault(frame.project(), List.of());
            svg.text("<g").attribute("data-project", frame.project()).attribute("data-members", String.join(" ", summarised));
            svg.hole(new TileHoles.Attributes(summarised, "project"));
            svg.text("><rect class=\"project-frame\"").attribute("x", rect.x()).attribute("y", rect.y()).attribute("width", rect.width())
                    .attribute("height", rect.height()).text("/>");
            svg.text("<text class=\"project-name\"").attribute("x", rect.x() + fontSize * 0.6).attribute("y", rect.y() + fontSize * 1.15)
                    .attribute("font-size", fontSize).text('>')
                    .text(Xml.escape(Xml.shorten(frame.project(), (int) Math.max(4, rect.width() / (0.62 * fontSize) - 1)))).text("</text></g>\n");
        }
        svg.text("</g>\n");
    }

    private static void tile(SvgWriter svg, OverviewLayout.PlacedTile placed, String baseClass, double unit) {
        var tile = placed.tile();
        var rect = placed.rect();
        svg.text("<g").attribute("id", "tile-" + tile.id()).attribute("data-tile", tile.id());
        if (tile.server() != null) {
            svg.attribute("data-entity", tile.server());
        }
        svg.attribute("data-members", String.join(" ", tile.summarised()));
        if (baseClass.contains("closed")) {
            // The page scales the open inside up to the closed tile's size, which may be larger.
            svg.attribute("data-inner-width", placed.interior().width()).attribute("data-inner-height", placed.interior().height());
        }
        svg.hole(new TileHoles.Attributes(tile.summarised(), baseClass));
        svg.text("><title>").hole(new TileHoles.Tooltip(tile.label(), tile.summarised())).text("</title>");
        svg.text("<rect class=\"frame\"").attribute("x", rect.x()).attribute("y", rect.y()).attribute("width", rect.width())
                .attribute("height", rect.height()).text("/>");
        if (baseClass.contains("closed")) {
            ClosedTile.write(svg, placed, unit);
        }
        svg.text("</g>\n");
    }

    /**
     * Closed tiles: one curve per pair of tiles, as thick as the dependencies it stands for are many.
     * Beyond a few dozen tiles they are quiet (drawn only when they carry an outage, or when the page
     * lights those of the tile under the pointer): all of them at once would be a hairball.
     */
    private static void bundles(SvgWriter svg, TileGraph graph, OverviewLayout layout) {
        var byId = byId(layout);
        var kind = layout.tiles().size() > QUIET_BUNDLES_ABOVE ? "bundle quiet" : "bundle";
        for (var bundle : graph.bundles().entrySet()) {
            var from = byId.get(bundle.getKey().get(0));
            var to = byId.get(bundle.getKey().get(1));
            if (from == null || to == null) {
                continue;
            }
            var links = new LinkedHashSet<EntityHoles.Link>();
            bundle.getValue().forEach(arc -> links.add(arc.link()));
            boolean members = bundle.getValue().stream().allMatch(arc -> arc.kind() == dev.topowatch.diagram.layout.DiagramGraph.EdgeKind.MEMBER);
            var id = "bundle-" + from.tile().id() + "--" + to.tile().id();
            var width = 1.4 + Math.log(bundle.getValue().size()) / Math.log(2);
            EntityBox.path(svg, id, members ? kind + " member" : kind, List.copyOf(links), Curves.connect(from.rect(), to.rect()), true,
                    "stroke-width:" + SvgWriter.format(width) + "px");
        }
    }

    /** Open tiles: every arc between boxes of different tiles, from box to box (or to a server's frame). */
    private static void arcs(SvgWriter svg, TileGraph graph, OverviewLayout layout) {
        var byId = byId(layout);
        for (var arc : graph.arcs()) {
            if (graph.isInside(arc)) {
                continue;
            }
            var from = place(graph, byId, arc.from());
            var to = place(graph, byId, arc.to());
            if (from != null && to != null && !from.equals(to)) {
                EntityBox.path(svg, "arc-" + arc.from() + "--" + arc.to(), TileDetail.kindClass(arc), List.of(arc.link()),
                        Curves.connect(from, to), true);
            }
        }
    }

    private static Map<String, OverviewLayout.PlacedTile> byId(OverviewLayout layout) {
        var byId = new java.util.HashMap<String, OverviewLayout.PlacedTile>();
        layout.tiles().forEach(placed -> byId.put(placed.tile().id(), placed));
        return byId;
    }

    private static Layout.Rect place(TileGraph graph, Map<String, OverviewLayout.PlacedTile> byId, String entity) {
        var placed = byId.get(graph.tileOf(entity));
        if (placed == null) {
            return null;
        }
        if (graph.isServer(entity)) {
            return placed.rect();
        }
        var box = placed.interior().boxes().get(entity);
        return box == null ? null : TileDetail.absolute(placed.rect(), box);
    }
}
