package dev.topowatch.server.alerts;

import java.util.Locale;

/** What an alert says happened; its wire name is the webhook's {@code event}. */
public enum AlertKind {
    DOWN, RECOVERED, DEGRADED, FLAPPING, SETTLED, TOPOLOGY_INVALID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
