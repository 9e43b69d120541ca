package dev.topowatch.checkers.heartbeat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last push of every heartbeat entity. The server records pushes here (after checking the token);
 * the {@link HeartbeatChecker} reads them. Safe to use from any number of threads.
 */
public final class HeartbeatRegistry {
    private final Clock clock;
    private final Map<String, Instant> lastPushes = new ConcurrentHashMap<>();

    public HeartbeatRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a push that arrived now. */
    public Instant push(String name) {
        var now = clock.instant();
        push(name, now);
        return now;
    }

    /**
     * Records a push at {@code at}, e.g. one restored from storage after a restart. An older push never
     * replaces a newer one, so pushes that arrive out of order keep the latest.
     */
    public void push(String name, Instant at) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        lastPushes.merge(name, at, (known, pushed) -> pushed.isAfter(known) ? pushed : known);
    }

    public Optional<Instant> lastPush(String name) {
        return Optional.ofNullable(lastPushes.get(name));
    }

    /** Forgets an entity that left the topology. */
    public void forget(String name) {
        lastPushes.remove(name);
    }
}
