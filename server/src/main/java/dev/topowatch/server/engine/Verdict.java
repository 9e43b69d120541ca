package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Status;

/**
 * What an entity's own checks say once the thresholds are applied: the hysteresis between one
 * failed check and an outage, and between one good check and a recovery.
 */
enum Verdict {
    /** Not enough checks yet to say. */
    PENDING,
    PASSING,
    FAILING;

    /** The verdict a restored status implies, so that a restart neither re-alerts nor forgets an outage. */
    static Verdict of(Status status) {
        return switch (status) {
            case DOWN, BLOCKED -> FAILING;
            case UP, DEGRADED -> PASSING;
            case UNKNOWN, MAINTENANCE -> PENDING;
        };
    }

    /**
     * The verdict after a result, given the streaks including it. A fresh entity is up at its first
     * good check: {@code success_threshold} is about coming back, not about being seen the first time.
     */
    Verdict next(Entity entity, CheckResult result, int consecutiveFailures, int consecutiveSuccesses) {
        if (consecutiveFailures >= entity.failureThreshold()) {
            return FAILING;
        }
        if (result.status() != Status.DOWN && (this == PENDING || consecutiveSuccesses >= entity.successThreshold())) {
            return PASSING;
        }
        return this;
    }
}
