package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.server.store.EntityState;
import dev.topowatch.topology.Status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values checks capture (a database's size, a row count) stay shown while the entity fails or
 * is blocked: a failed check captures nothing, and the last values are what a person wants to see
 * exactly then. They are kept with the time they were captured, so the board can mark them stale.
 * Not thread-safe: the engine calls it under its lock.
 */
final class CapturedValues {
    /** When the values an entity shows now were captured; absent when it shows none. */
    private final Map<String, Instant> capturedAt = new HashMap<>();

    /** The values to keep after {@code result}: its own, or the last ones when it failed without any. */
    Map<String, String> after(EntityState before, CheckResult result) {
        var name = before.name();
        if (!result.extra().isEmpty()) {
            capturedAt.put(name, result.at());
            return result.extra();
        }
        if (result.status() != Status.DOWN || before.extra().isEmpty()) {
            capturedAt.remove(name);
            return result.extra();
        }
        // After a restart the capture time is not known: the last check's is the closest said.
        capturedAt.putIfAbsent(name, before.lastCheck() == null ? result.at() : before.lastCheck());
        return before.extra();
    }

    /** When the shown values were captured, if they were. */
    Optional<Instant> at(String name) {
        return Optional.ofNullable(capturedAt.get(name));
    }

    void forget(String name) {
        capturedAt.remove(name);
    }
}
