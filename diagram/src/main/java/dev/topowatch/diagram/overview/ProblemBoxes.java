package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.svg.EntityHoles;
import dev.topowatch.diagram.svg.Statuses;
import dev.topowatch.diagram.svg.StatusText;
import dev.topowatch.diagram.svg.SvgWriter;
import dev.topowatch.topology.Status;

import java.util.List;

/**
 * Where a closed tile draws its problems: {@code slots} boxes stacked from ({@code x}, {@code y}),
 * each {@code height} high with text of {@code fontSize}, in drawing units sized for the overview's scale.
 */
record ProblemBoxes(double x, double y, double width, double height, double gap, double fontSize, int slots) {

    void write(StringBuilder svg, List<String> problems, Statuses statuses) {
        int shown = problems.size() <= slots ? problems.size() : Math.max(0, slots - 1);
        int maxCharacters = Math.max(4, (int) ((width - fontSize) / (0.6 * fontSize)));
        double top = y;
        for (int i = 0; i < shown; i++) {
            var name = problems.get(i);
            var status = statuses.of(name);
            svg.append("<g class=\"entity problem status-").append(status.status().wireName()).append("\" data-entity=\"")
                    .append(Xml.escape(name)).append("\" data-status=\"").append(status.status().wireName()).append("\"><title>");
            new EntityHoles.Tooltip(name).fill(svg, statuses);
            svg.append("</title><rect class=\"box\" x=\"").append(SvgWriter.format(x)).append("\" y=\"").append(SvgWriter.format(top))
                    .append("\" width=\"").append(SvgWriter.format(width)).append("\" height=\"").append(SvgWriter.format(height))
                    .append("\"/><text class=\"problem-text\" x=\"").append(SvgWriter.format(x + fontSize / 2))
                    .append("\" y=\"").append(SvgWriter.format(top + height / 2 + fontSize * 0.36)).append("\" font-size=\"")
                    .append(SvgWriter.format(fontSize)).append("\" data-characters=\"").append(maxCharacters).append("\">")
                    .append(Xml.escape(text(name, status.status(), statuses.casualties(name), maxCharacters)))
                    .append("</text></g>");
            top += height + gap;
        }
        if (shown < problems.size()) {
            svg.append("<text class=\"problem-more\" x=\"").append(SvgWriter.format(x)).append("\" y=\"")
                    .append(SvgWriter.format(top + height / 2 + fontSize * 0.36)).append("\" font-size=\"").append(SvgWriter.format(fontSize))
                    .append("\">+").append(problems.size() - shown).append(" more problems</text>");
        }
    }

    /**
     * {@code ✖ postgres_main · blocks 9} or {@code ▲ cache · degraded}; where that does not fit,
     * {@code ✖ postgres_main ⊘9}, the name shortened before the count is.
     */
    static String text(String name, Status status, int casualties, int maxCharacters) {
        boolean blocking = status == Status.DOWN && casualties > 0;
        var full = StatusText.symbol(status) + " " + name + " · " + (blocking ? "blocks " + casualties : status.wireName());
        if (full.length() <= maxCharacters) {
            return full;
        }
        var suffix = blocking ? " " + StatusText.symbol(Status.BLOCKED) + casualties : "";
        return Xml.shorten(StatusText.symbol(status) + " " + name, Math.max(3, maxCharacters - suffix.length())) + suffix;
    }
}
