package dev.topowatch.diagram.svg;

import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;


/** How a status reads on the diagram: a symbol as well as a colour, so that no one needs to tell red from green. */
public final class StatusText {

    private StatusText() {
    }

    public static String symbol(Status status) {
        return switch (status) {
            case UP -> "✔";
            case DEGRADED -> "▲";
            case DOWN -> "✖";
            case BLOCKED -> "⊘";
            case UNKNOWN -> "?";
            case MAINTENANCE -> "◷";
        };
    }

    /** {@code ✖ down · 42.6% · 5003 ms}: the status line of a box. */
    public static String line(EntityStatus status) {
        var line = new StringBuilder(symbol(status.status())).append(' ').append(status.status().wireName());
        if (status.successRatio() != null) {
            line.append(" · ").append(SvgWriter.format(status.successRatio() * 100)).append('%');
        }
        if (status.latency() != null) {
            line.append(" · ").append(status.latency().toMillis()).append(" ms");
        }
        if (status.flapping()) {
            line.append(" · flapping");
        }
        return line.toString();
    }
}
