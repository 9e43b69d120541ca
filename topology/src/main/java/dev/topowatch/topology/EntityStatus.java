package dev.topowatch.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the board knows about one entity at one moment: the fields of the entity JSON in DESIGN.md
 * that are not settings from the topology file.
 *
 * @param since        when it entered {@code status}; null when unknown
 * @param lastCheck    when it was last checked; null before the first check
 * @param successRatio success / (success + fail); null before any counted check
 * @param latency      of the last check; null before the first check
 * @param lastError    one human line; null when the last check passed
 * @param rootCause    the down entities that explain it; empty for a root itself
 * @param blockedBy    its unavailable direct dependencies
 * @param extra        values captured by its checks, over the static {@code extra} of the topology
 */
public record EntityStatus(String name, Status status, Instant since, Instant lastCheck, long successCount,
                           long failCount, long blockedCount, Double successRatio, Duration latency, String lastError,
                           boolean flapping, List<String> rootCause, List<String> blockedBy, Map<String, String> extra) {

    public EntityStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        rootCause = List.copyOf(rootCause);
        blockedBy = List.copyOf(blockedBy);
        extra = Map.copyOf(extra);
    }

    /** An entity nothing is known about yet. */
    public static EntityStatus unknown(String name) {
        return new EntityStatus(name, Status.UNKNOWN, null, null, 0, 0, 0, null, null, null, false,
                List.of(), List.of(), Map.of());
    }
}
