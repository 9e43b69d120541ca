package dev.topowatch.server.engine;

import dev.topowatch.topology.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the status engine keeps about one entity between checks, and what survives a restart.
 *
 * @param since                when it entered {@code status}; null while unknown
 * @param lastCheck            null before the first check
 * @param consecutiveFailures  raw failures in a row, for {@code failure_threshold}
 * @param consecutiveSuccesses raw successes in a row, for {@code success_threshold}
 * @param latency              of the last check; null before the first
 * @param lastError            null when the last check passed
 * @param recentOutcomes       the last raw outcomes, oldest first, one letter each ({@code U} up,
 *                             {@code D} degraded, {@code F} failed), for flapping detection
 * @param extra                values captured by the last check
 */
public record EntityState(String name, Status status, Instant since, Instant lastCheck, long successCount,
                          long failCount, long blockedCount, int consecutiveFailures, int consecutiveSuccesses,
                          Duration latency, String lastError, boolean flapping, String recentOutcomes,
                          List<String> rootCause, List<String> blockedBy, Map<String, String> extra) {

    public EntityState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recentOutcomes, "recentOutcomes");
        rootCause = List.copyOf(rootCause);
        blockedBy = List.copyOf(blockedBy);
        extra = Map.copyOf(extra);
        if (successCount < 0 || failCount < 0 || blockedCount < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    /** An entity never checked. */
    public static EntityState fresh(String name) {
        return new EntityState(name, Status.UNKNOWN, null, null, 0, 0, 0, 0, 0, null, null, false, "",
                List.of(), List.of(), Map.of());
    }

    // The steps below are how states are made from one another: sixteen values by position are
    // easy to swap unseen (two counters, two streaks, two lists of names).

    /** Now {@code status}, shown since {@code since}. */
    public EntityState withStatus(Status status, Instant since) {
        return new EntityState(name, status, since, lastCheck, successCount, failCount, blockedCount, consecutiveFailures,
                consecutiveSuccesses, latency, lastError, flapping, recentOutcomes, rootCause, blockedBy, extra);
    }

    /** The same status, shown since {@code since}. */
    public EntityState withSince(Instant since) {
        return withStatus(status, since);
    }

    /** What the last check said: when, how long it took, its error (null when it passed) and the values it captured. */
    public EntityState withLastCheck(Instant at, Duration latency, String error, Map<String, String> extra) {
        return new EntityState(name, status, since, at, successCount, failCount, blockedCount, consecutiveFailures,
                consecutiveSuccesses, latency, error, flapping, recentOutcomes, rootCause, blockedBy, extra);
    }

    /** The checks counted so far: passed, failed (charged to the entity) and failed while blocked. */
    public EntityState withCounts(long successes, long failures, long blocked) {
        return new EntityState(name, status, since, lastCheck, successes, failures, blocked, consecutiveFailures,
                consecutiveSuccesses, latency, lastError, flapping, recentOutcomes, rootCause, blockedBy, extra);
    }

    /** Raw failures and successes in a row, for the thresholds. */
    public EntityState withStreaks(int failures, int successes) {
        return new EntityState(name, status, since, lastCheck, successCount, failCount, blockedCount, failures,
                successes, latency, lastError, flapping, recentOutcomes, rootCause, blockedBy, extra);
    }

    /** Whether it flaps, and the raw outcomes that say so ({@code recentOutcomes}). */
    public EntityState withFlapping(boolean flapping, String recentOutcomes) {
        return new EntityState(name, status, since, lastCheck, successCount, failCount, blockedCount, consecutiveFailures,
                consecutiveSuccesses, latency, lastError, flapping, recentOutcomes, rootCause, blockedBy, extra);
    }

    /** The roots it is a casualty of, and the dependencies that block it, as the graph classified it. */
    public EntityState withCause(List<String> rootCause, List<String> blockedBy) {
        return new EntityState(name, status, since, lastCheck, successCount, failCount, blockedCount, consecutiveFailures,
                consecutiveSuccesses, latency, lastError, flapping, recentOutcomes, rootCause, blockedBy, extra);
    }
}
