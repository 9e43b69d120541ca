package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.topology.Status;

import java.util.Map;

/**
 * What every diagram SVG has around its content: the root element with its size and the view's data
 * attributes, the title, the inline style sheet (so that it stands alone as a file or an image), the
 * arrow and hatch definitions, and the legend. Nothing executable is ever written: no scripts, no
 * event attributes, no links.
 */
public final class SvgDocument {
    public static final double TITLE_HEIGHT = 30;
    public static final double LEGEND_HEIGHT = 34;

    private SvgDocument() {
    }

    /**
     * Opens the document for content of {@code width} x {@code height}, placed below the title; the
     * caller writes the content and then {@link #close} with the same {@code chrome}: how much the
     * title and legend are enlarged, so that they stay readable when the whole is shown shrunk.
     */
    public static void open(SvgWriter svg, double width, double height, double chrome, Theme theme, String title,
                            Map<String, String> data) {
        open(svg, width, height, chrome, theme, title, data, null);
    }

    /** ... with {@code attributes} (may be null) filling more attributes of the root element at render time. */
    public static void open(SvgWriter svg, double width, double height, double chrome, Theme theme, String title,
                            Map<String, String> data, SvgTemplate.Hole attributes) {
        double totalWidth = Math.max(width, 640 * chrome);
        double totalHeight = height + (TITLE_HEIGHT + LEGEND_HEIGHT) * chrome;
        svg.text("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"").attribute("width", totalWidth)
                .attribute("height", totalHeight).text(" viewBox=\"0 0 ").number(totalWidth).text(' ').number(totalHeight)
                .text("\" class=\"topowatch-diagram\"");
        data.forEach((name, value) -> svg.attribute("data-" + name, value));
        svg.attribute("data-content-top", TITLE_HEIGHT * chrome);
        if (attributes != null) {
            svg.hole(attributes);
        }
        svg.text(">\n<title>").text(Xml.escape(title)).text("</title>\n");
        svg.text("<style>").text(theme.css()).text("</style>\n");
        svg.text("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\">")
                .text("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").text(theme.edge).text("\"/></marker>")
                .text("<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">")
                .text("<rect width=\"8\" height=\"8\" fill=\"").text(theme.background).text("\"/>")
                .text("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"").text(Status.BLOCKED.colour())
                .text("\" stroke-width=\"3\" stroke-opacity=\"0.45\"/></pattern></defs>\n");
        svg.text("<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n");
        svg.text("<text class=\"title\"").attribute("x", 20 * chrome).attribute("y", 22 * chrome).attribute("font-size", 16 * chrome)
                .text('>').text(Xml.escape(title)).text("</text>\n");
        svg.text("<g class=\"content\" transform=\"translate(0,").number(TITLE_HEIGHT * chrome).text(")\">\n");
    }

    /** Closes the content, writes the legend below it and ends the document. */
    public static void close(SvgWriter svg, double height, double chrome) {
        svg.text("</g>\n");
        svg.text("<g class=\"legend\" transform=\"translate(").number(20 * chrome).text(',').number(TITLE_HEIGHT * chrome + height + 8 * chrome)
                .text(") scale(").number(chrome).text(")\">");
        double x = 0;
        for (var status : Status.values()) {
            svg.text("<g class=\"status-").text(status.wireName()).text("\"><rect x=\"").number(x).text("\" y=\"0\" width=\"12\" height=\"12\" rx=\"2\"/>")
                    .text("<text x=\"").number(x + 16).text("\" y=\"10\">").text(StatusText.symbol(status)).text(' ')
                    .text(status.wireName()).text("</text></g>");
            x += 24 + 8 * status.wireName().length() + 10;
        }
        svg.text("</g>\n</svg>\n");
    }
}
