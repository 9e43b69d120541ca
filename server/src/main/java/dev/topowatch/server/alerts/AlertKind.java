package dev.topowatch.server.alerts;

import dev.topowatch.topology.AlertEvent;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What an alert says happened; its wire name is the webhook's {@code event}. */
public enum AlertKind {
    DOWN, RECOVERED, DEGRADED, FLAPPING, SETTLED, TOPOLOGY_INVALID,
    /** To a channel added by an edit of the topology file: the problems already open, which it did not hear of. */
    OPEN_PROBLEMS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kinds a channel's {@code on: [...]} asks for. */
    public static Set<AlertKind> of(Set<AlertEvent> events) {
        var kinds = EnumSet.noneOf(AlertKind.class);
        for (var event : events) {
            kinds.add(switch (event) {
                case DOWN -> DOWN;
                case RECOVERED -> RECOVERED;
                case DEGRADED -> DEGRADED;
            });
        }
        return kinds;
    }
}
