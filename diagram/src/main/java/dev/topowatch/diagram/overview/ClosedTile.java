package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.svg.SvgWriter;

/**
 * A closed tile's summary: its name, its counts, a bar of its statuses and its problems, each as
 * large as it must be to read at the overview's scale (sizes below are in window pixels).
 */
final class ClosedTile {
    private static final double PADDING = 6;
    private static final double NAME = 14;
    private static final double COUNTS = 11;
    private static final double BAR = 5;
    private static final double PROBLEM = 20;
    private static final double PROBLEM_GAP = 3;
    private static final double PROBLEM_FONT = 11;
    /** Roughly how wide a character of the sans-serif font is, as a share of its size. */
    private static final double CHARACTER = 0.58;

    private ClosedTile() {
    }

    static double minimumWidth() {
        return 140;
    }

    static double minimumHeight(int problemSlots) {
        return PADDING + NAME + 3 + COUNTS + 4 + BAR + 6 + problemSlots * (PROBLEM + PROBLEM_GAP) + PADDING;
    }

    /**
     * The summary of {@code placed}; {@code pixel} is how many drawing units one window pixel takes.
     * A tile with room to spare (a large server among small ones) writes larger, up to half as large again.
     */
    static void write(SvgWriter svg, OverviewLayout.PlacedTile placed, double pixel) {
        var rect = placed.rect();
        var tile = placed.tile();
        double room = Math.min(rect.width() / pixel / minimumWidth(), rect.height() / pixel / minimumHeight(placed.problemSlots()));
        double unit = pixel * Math.clamp(room, 1, 1.5);
        double x = rect.x() + PADDING * unit;
        double width = rect.width() - 2 * PADDING * unit;
        double y = rect.y() + PADDING * unit + NAME * unit;
        svg.text("<g class=\"summary\">");
        var name = tile.server() == null ? tile.label() : "▣ " + tile.label();
        svg.text("<text class=\"tile-name\"").attribute("x", x).attribute("y", y).attribute("font-size", NAME * unit).text('>')
                .text(Xml.escape(Xml.shorten(name, characters(width, NAME * unit)))).text("</text>");
        y += 3 * unit + COUNTS * unit;
        int countCharacters = characters(width, COUNTS * unit);
        svg.text("<text class=\"tile-counts\"").attribute("x", x).attribute("y", y).attribute("font-size", COUNTS * unit)
                .attribute("data-characters", String.valueOf(countCharacters)).text('>')
                .hole(new TileHoles.Counts(tile.summarised(), countCharacters)).text("</text>");
        y += 4 * unit;
        // The bar's place is written on its group, so that the page can redraw the bar as statuses change.
        svg.text("<g class=\"tile-bar\"").attribute("data-x", x).attribute("data-y", y).attribute("data-width", width)
                .attribute("data-height", BAR * unit).text('>')
                .hole(new TileHoles.Bar(tile.summarised(), x, y, width, BAR * unit)).text("</g>");
        y += BAR * unit + 6 * unit;
        svg.hole(new TileHoles.Problems(tile.summarised(),
                new ProblemBoxes(x, y, width, PROBLEM * unit, PROBLEM_GAP * unit, PROBLEM_FONT * unit, placed.problemSlots())));
        svg.text("</g>");
    }

    private static int characters(double width, double fontSize) {
        return Math.max(4, (int) (width / (CHARACTER * fontSize)));
    }
}
