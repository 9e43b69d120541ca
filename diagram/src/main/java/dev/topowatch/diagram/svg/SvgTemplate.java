package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * A laid-out diagram with holes where the statuses go. Filling it is one pass of string appends, so
 * recolouring a thousand boxes costs well under a millisecond or two and never touches the layout.
 */
public final class SvgTemplate {

    /** A literal run of SVG, or a hole filled from the status snapshot. */
    sealed interface Part {
    }

    record Literal(String text) implements Part {
    }

    enum Kind { ENTITY_ATTRIBUTES, STATUS_LINE, EXTRA_LINE, TOOLTIP, EDGE_ATTRIBUTES }

    /**
     * @param entity the entity the hole shows (for edges, the dependent)
     * @param key    the extra key of an {@link Kind#EXTRA_LINE}
     * @param edge   the edge of an {@link Kind#EDGE_ATTRIBUTES}, with {@code targets}: the entities it leads to
     */
    record Hole(Kind kind, String entity, String key, DiagramGraph.Edge edge, List<String> targets, String baseClass)
            implements Part {
    }

    private static final Set<Status> UNAVAILABLE = Set.of(Status.DOWN, Status.BLOCKED);

    private final List<Part> parts;
    private final int sizeHint;

    SvgTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
        this.sizeHint = parts.stream().mapToInt(part -> part instanceof Literal literal ? literal.text().length() : 40).sum();
    }

    public String render(StatusSnapshot snapshot) {
        var svg = new StringBuilder(sizeHint + 1024);
        for (var part : parts) {
            switch (part) {
                case Literal literal -> svg.append(literal.text());
                case Hole hole -> fill(svg, hole, snapshot);
            }
        }
        return svg.toString();
    }

    private static void fill(StringBuilder svg, Hole hole, StatusSnapshot snapshot) {
        switch (hole.kind()) {
            case ENTITY_ATTRIBUTES -> {
                var status = snapshot.of(hole.entity());
                svg.append(" class=\"").append(hole.baseClass()).append(" status-").append(status.status().wireName())
                        .append(status.flapping() ? " flapping" : "").append("\" data-status=\"")
                        .append(status.status().wireName()).append('"');
            }
            case STATUS_LINE -> svg.append(Xml.escape(StatusText.line(snapshot.of(hole.entity()))));
            case EXTRA_LINE -> {
                var value = snapshot.of(hole.entity()).extra().get(hole.key());
                svg.append(Xml.escape(Xml.shorten(hole.key() + ": " + (value == null ? "–" : value), BoxText.MAX_LINE)));
            }
            case TOOLTIP -> svg.append(Xml.escape(tooltip(snapshot.of(hole.entity()))));
            case EDGE_ATTRIBUTES -> {
                svg.append(" class=\"").append(hole.baseClass());
                if (carriesOutage(hole, snapshot)) {
                    svg.append(" outage");
                }
                svg.append('"');
            }
        }
    }

    /** An edge is on an outage's path when its dependent is a casualty and what it leads to is down. */
    private static boolean carriesOutage(Hole hole, StatusSnapshot snapshot) {
        if (snapshot.of(hole.entity()).status() != Status.BLOCKED || hole.targets().isEmpty()) {
            return false;
        }
        return hole.targets().stream().allMatch(target -> UNAVAILABLE.contains(snapshot.of(target).status()));
    }

    private static String tooltip(EntityStatus status) {
        var text = new StringBuilder(status.name()).append('\n').append(StatusText.line(status));
        if (status.since() != null) {
            text.append("\nsince ").append(status.since().truncatedTo(ChronoUnit.SECONDS));
        }
        if (status.lastError() != null) {
            text.append("\nlast error: ").append(status.lastError());
        }
        if (!status.rootCause().isEmpty()) {
            text.append("\nroot cause: ").append(String.join(", ", status.rootCause()));
        }
        status.extra().forEach((key, value) -> text.append('\n').append(key).append(": ").append(value));
        return text.toString();
    }
}
