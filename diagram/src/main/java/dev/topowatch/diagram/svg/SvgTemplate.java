package dev.topowatch.diagram.svg;

import dev.topowatch.topology.StatusSnapshot;

import java.util.List;

/**
 * A laid-out diagram with holes where the statuses go. Filling it is one pass of string appends, so
 * recolouring thousands of boxes costs a millisecond or two and never touches the layout.
 */
public final class SvgTemplate {

    /** A part of the SVG written from the statuses at render time; everything it writes is escaped by it. */
    @FunctionalInterface
    public interface Hole {
        void fill(StringBuilder svg, Statuses statuses);
    }

    /** Literal strings and holes, in document order. */
    private final List<Object> parts;
    private final int sizeHint;

    SvgTemplate(List<Object> parts) {
        this.parts = List.copyOf(parts);
        this.sizeHint = parts.stream().mapToInt(part -> part instanceof String literal ? literal.length() : 40).sum();
    }

    public String render(StatusSnapshot snapshot) {
        return render(new Statuses(snapshot));
    }

    /** Filled from {@code statuses}, which may already have counted what the caller needed before. */
    public String render(Statuses statuses) {
        var svg = new StringBuilder(sizeHint + 1024);
        for (var part : parts) {
            if (part instanceof String literal) {
                svg.append(literal);
            } else {
                ((Hole) part).fill(svg, statuses);
            }
        }
        return svg.toString();
    }
}
