package dev.topowatch.checkers.schedule;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.topology.Entity;

import java.util.Objects;

/**
 * One result, as the scheduler hands it to its listener: which entity (as it was configured when the
 * probe started, dependencies included, so that the status engine can tell a root from a casualty),
 * what the probe said, and why it ran.
 */
public record CheckOutcome(Entity entity, CheckResult result, Trigger trigger) {

    public enum Trigger {
        /** Its interval came round. */
        SCHEDULED,
        /** Someone asked for it through {@link Scheduler#runNow(String)}. */
        RUN_NOW
    }

    public CheckOutcome {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(trigger, "trigger");
    }

    public String name() {
        return entity.name();
    }
}
