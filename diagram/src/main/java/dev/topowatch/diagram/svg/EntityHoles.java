package dev.topowatch.diagram.svg;

import dev.topowatch.diagram.Xml;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** The holes of an entity's box and of the edges between boxes: what a status change rewrites. */
public final class EntityHoles {
    private static final Set<Status> UNAVAILABLE = Set.of(Status.DOWN, Status.BLOCKED);

    private EntityHoles() {
    }

    /** {@code class="entity status-down" data-status="down"} on the box's group. */
    public record Attributes(String entity, String baseClass) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            var status = statuses.of(entity);
            svg.append(" class=\"").append(baseClass).append(" status-").append(status.status().wireName())
                    .append(status.flapping() ? " flapping" : "").append("\" data-status=\"")
                    .append(status.status().wireName()).append('"');
        }
    }

    /** {@code ✖ down · 42.6% · 5003 ms}, optionally followed by fixed text (a runtime). */
    public record StatusLine(String entity, String suffix) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            svg.append(Xml.escape(StatusText.line(statuses.of(entity)) + suffix));
        }
    }

    /** {@code key: value} of a captured or static extra value; a dash while there is none. */
    public record ExtraLine(String entity, String key) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            var value = statuses.of(entity).extra().get(key);
            svg.append(Xml.escape(Xml.shorten(key + ": " + (value == null ? "–" : value), BoxText.MAX_LINE)));
        }
    }

    /** The full text of a box, for its {@code <title>}: every extra value, the whole error. */
    public record Tooltip(String entity) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            svg.append(Xml.escape(tooltip(statuses.of(entity))));
        }
    }

    /**
     * An edge's class: {@code outage} when one of the links it draws leads from a casualty to what is
     * unavailable (a bundle of links between two tiles carries an outage when any of them does).
     */
    public record EdgeAttributes(String baseClass, List<Link> links) implements SvgTemplate.Hole {
        public EdgeAttributes {
            links = List.copyOf(links);
        }

        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            svg.append(" class=\"").append(baseClass);
            if (links.stream().anyMatch(link -> link.carriesOutage(statuses))) {
                svg.append(" outage");
            }
            svg.append('"');
        }
    }

    /** One dependency as drawn: from the dependent to what it needs (several for an any_of set). */
    public record Link(String from, List<String> targets) {
        public Link {
            targets = List.copyOf(targets);
        }

        boolean carriesOutage(Statuses statuses) {
            return statuses.of(from).status() == Status.BLOCKED && !targets.isEmpty()
                    && targets.stream().allMatch(target -> UNAVAILABLE.contains(statuses.of(target).status()));
        }

        /** {@code from>a|b}: how the page reads it back from {@code data-links}. */
        public String wire() {
            return from + ">" + String.join("|", targets);
        }
    }

    static String tooltip(EntityStatus status) {
        var text = new StringBuilder(status.name()).append('\n').append(StatusText.line(status));
        if (status.since() != null) {
            text.append("\nsince ").append(status.since().truncatedTo(ChronoUnit.SECONDS));
        }
        if (status.lastError() != null) {
            text.append(status.status() == Status.UNKNOWN ? "\nnote: " : "\nlast error: ").append(status.lastError());
        }
        if (!status.rootCause().isEmpty()) {
            text.append("\nroot cause: ").append(String.join(", ", status.rootCause()));
        }
        status.extra().forEach((key, value) -> text.append('\n').append(key).append(": ").append(value));
        return text.toString();
    }
}
