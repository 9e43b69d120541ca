package dev.topowatch.checkers;

import dev.topowatch.topology.Entity;

import java.time.Duration;

/**
 * Probes one kind of entity. A checker only probes: the scheduler owns the interval, the hard deadline
 * and the recording. One implementation per entity type, each in a package of its own, registered in
 * one map.
 */
@FunctionalInterface
public interface Checker {

    /**
     * Probes {@code entity} once, giving up after {@code timeout}. Never throws: every failure, expected
     * or not, is a {@code down} result that says why in one line.
     */
    CheckResult check(Entity entity, Duration timeout);

    /** {@code entity} is no longer checked by this checker: drop anything kept for it. */
    default void forget(String entity) {
    }
}
