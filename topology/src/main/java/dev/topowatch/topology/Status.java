package dev.topowatch.topology;

import java.util.Locale;

/** The status vocabulary of DESIGN.md: every entity is in exactly one of these. */
public enum Status {
    /** Its own check passes. */
    UP("#2e9d4f"),
    /** Passes, but a soft expectation fails (slow, certificate expiring). */
    DEGRADED("#d9930d"),
    /** Its own check failed often enough, and no down dependency explains it: a root cause. */
    DOWN("#d23c3c"),
    /** Failing while something it depends on is down: a casualty, not a root. */
    BLOCKED("#9c6b6b"),
    /** Not checked yet. */
    UNKNOWN("#8a8f98"),
    /** Inside a maintenance window: still checked, never alerted. */
    MAINTENANCE("#3a73c9");

    private final String colour;

    Status(String colour) {
        this.colour = colour;
    }

    /** The lowercase name used in JSON, CSS classes and the topology file. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fill colour on the diagram, as a CSS hex colour. */
    public String colour() {
        return colour;
    }

    @Override
    public String toString() {
        return wireName();
    }
}
