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
}
