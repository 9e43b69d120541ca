package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.svg.SvgWriter;

/** Smooth connections between two rectangles: leaving and entering through the sides that face each other. */
final class Curves {

    private Curves() {
    }

    /** A cubic curve from {@code from} to {@code to}, as an SVG path. */
    static String connect(Layout.Rect from, Layout.Rect to) {
        double fromX = from.x() + from.width() / 2;
        double toX = to.x() + to.width() / 2;
        if (to.y() >= from.y() + from.height()) {
            return vertical(fromX, from.y() + from.height(), toX, to.y());
        }
        if (to.y() + to.height() <= from.y()) {
            return vertical(fromX, from.y(), toX, to.y() + to.height());
        }
        double fromY = from.y() + from.height() / 2;
        double toY = to.y() + to.height() / 2;
        boolean rightwards = to.x() >= from.x() + from.width() / 2;
        double startX = rightwards ? from.x() + from.width() : from.x();
        double endX = rightwards ? to.x() : to.x() + to.width();
        double middle = (startX + endX) / 2;
        return "M" + n(startX) + "," + n(fromY) + " C" + n(middle) + "," + n(fromY) + " " + n(middle) + "," + n(toY) + " "
                + n(endX) + "," + n(toY);
    }

    private static String vertical(double startX, double startY, double endX, double endY) {
        double middle = (startY + endY) / 2;
        return "M" + n(startX) + "," + n(startY) + " C" + n(startX) + "," + n(middle) + " " + n(endX) + "," + n(middle) + " "
                + n(endX) + "," + n(endY);
    }

    private static String n(double value) {
        return SvgWriter.format(value);
    }
}
