package dev.topowatch.server.alerts;

import java.util.Locale;

/** What an alert says happened; its wire name is the webhook's {@code event}. */
public enum AlertKind {
    DOWN, RECOVERED, DEGRADED, FLAPPING, SETTLED, TOPOLOGY_INVALID,
    /** To a channel added by an edit of the topology file: the problems already open, which it did not hear of. */
    OPEN_PROBLEMS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
