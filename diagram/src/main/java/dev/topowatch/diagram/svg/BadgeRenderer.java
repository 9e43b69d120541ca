package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.topology.Status;

import java.util.Locale;

/** A small "name | status" badge for READMEs, in the shape people know from shields.io. */
public final class BadgeRenderer {
    private static final double CHARACTER = 6.5;

    private BadgeRenderer() {
    }

    public static String render(String name, Status status) {
        var label = Xml.shorten(name, 40);
        var value = StatusText.symbol(status) + " " + status.wireName();
        double left = 12 + CHARACTER * label.codePointCount(0, label.length());
        double right = 12 + CHARACTER * value.length();
        double width = left + right;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"20\" role=\"img\" aria-label=\""
                + Xml.escape(label + ": " + status.wireName()) + "\"><title>" + Xml.escape(label + ": " + status.wireName()) + "</title>"
                + "<rect width=\"" + n(left) + "\" height=\"20\" rx=\"3\" fill=\"#555\"/>"
                + "<rect x=\"" + n(left) + "\" width=\"" + n(right) + "\" height=\"20\" rx=\"3\" fill=\"" + status.colour() + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"6\" y=\"14\">" + Xml.escape(label) + "</text>"
                + "<text x=\"" + n(left + 6) + "\" y=\"14\">" + Xml.escape(value) + "</text></g></svg>\n";
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
