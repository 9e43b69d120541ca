package dev.topowatch.topology.graph;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How one entity stands in an outage.
 *
 * @param rootCause the roots that explain a casualty, sorted, each once; empty otherwise
 * @param blockedBy the unavailable direct dependencies (members, for a group) that make a casualty
 *                  unavailable, sorted, each once; empty otherwise
 */
public record Impact(State state, List<String> rootCause, List<String> blockedBy) {

    public enum State {
        /** Its own check passes (or, for a group, its rule and requirements are met). */
        AVAILABLE,
        /** Failing, and nothing it depends on explains it: status {@code down}. */
        ROOT,
        /** Unavailable because something it depends on is: status {@code blocked}. */
        CASUALTY
    }

    private static final Impact AVAILABLE = new Impact(State.AVAILABLE, List.of(), List.of());
    private static final Impact ROOT = new Impact(State.ROOT, List.of(), List.of());

    public Impact {
        Objects.requireNonNull(state, "state");
        rootCause = List.copyOf(new TreeSet<>(rootCause));
        blockedBy = List.copyOf(new TreeSet<>(blockedBy));
        if (state != State.CASUALTY && !(rootCause.isEmpty() && blockedBy.isEmpty())) {
            throw new IllegalArgumentException("only a casualty has a root cause or blockers, not " + state
                    + ": rootCause=" + rootCause + " blockedBy=" + blockedBy);
        }
    }

    public static Impact available() {
        return AVAILABLE;
    }

    public static Impact root() {
        return ROOT;
    }

    public static Impact casualty(Collection<String> rootCause, Collection<String> blockedBy) {
        return new Impact(State.CASUALTY, List.copyOf(rootCause), List.copyOf(blockedBy));
    }

    /** Whether dependents can count on it: roots and casualties are both down for them. */
    public boolean isAvailable() {
        return state == State.AVAILABLE;
    }
}
