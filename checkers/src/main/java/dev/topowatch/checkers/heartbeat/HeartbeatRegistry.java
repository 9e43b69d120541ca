package dev.topowatch.checkers.heartbeat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last push of every heartbeat entity, and since when the board has listened for them. The server
 * records pushes here (after checking the token) and restores the last ones of a previous run; the
 * {@link HeartbeatChecker} reads them. Safe to use from any number of threads.
 */
public final class HeartbeatRegistry {
    private final Instant started;
    private final Map<String, Push> lastPushes = new ConcurrentHashMap<>();
    private final Map<String, Instant> listeningSince = new ConcurrentHashMap<>();

    /** Listening from now on. */
    public HeartbeatRegistry(Clock clock) {
        this(clock.instant());
    }

    /**
     * @param started since when pushes are listened for: a job cannot be blamed for silence before
     *                it, so {@code max_silence} runs from the later of this and its last push
     */
    public HeartbeatRegistry(Instant started) {
        this.started = Objects.requireNonNull(started, "started");
    }

    /**
     * Records a push, e.g. one that just arrived or one restored from storage after a restart. An older
     * push never replaces a newer one, so pushes that arrive out of order keep the latest.
     */
    public void push(String name, Push push) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(push, "push");
        lastPushes.merge(name, push, (known, pushed) -> pushed.at().isAfter(known.at()) ? pushed : known);
    }

    public Optional<Push> lastPush(String name) {
        return Optional.ofNullable(lastPushes.get(name));
    }

    /** A heartbeat added to a running board: its silence counts from {@code at}, not from the start. */
    public void listenFrom(String name, Instant at) {
        listeningSince.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(at, "at"));
    }

    /** Since when pushes of {@code name} have been listened for. */
    public Instant listeningSince(String name) {
        return listeningSince.getOrDefault(name, started);
    }

    /** Forgets an entity that left the topology. */
    public void forget(String name) {
        lastPushes.remove(name);
        listeningSince.remove(name);
    }
}
