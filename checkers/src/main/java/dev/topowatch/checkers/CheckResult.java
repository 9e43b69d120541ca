package dev.topowatch.checkers;

import dev.topowatch.topology.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one probe of one entity.
 *
 * @param status  {@code up}, {@code degraded} or {@code down}: what the probe alone says; the status
 *                engine turns it into {@code blocked}, {@code maintenance} and so on. {@code unknown}
 *                when it cannot say yet ({@link #pending}): no verdict either way
 * @param error   one human line ({@code connection refused}, {@code expected status 200, got 503});
 *                null when up; for a pending result, what it waits for
 * @param latency how long the probe took
 * @param at      when it started, from the injected clock
 * @param details how it was probed (e.g. {@code method=icmp}, {@code http_status=200}), for the board
 * @param extra   values captured from the target (a database's size), shown in the entity's {@code extra}
 */
public record CheckResult(Status status, Duration latency, Instant at, String error,
                          Map<String, String> details, Map<String, String> extra) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(at, "at");
        if (status != Status.UP && status != Status.DEGRADED && status != Status.DOWN && status != Status.UNKNOWN) {
            throw new IllegalArgumentException("a probe says up, degraded, down or unknown (pending), not " + status);
        }
        if (status != Status.UP && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a " + status + " result says why");
        }
        details = Map.copyOf(details);
        extra = Map.copyOf(extra);
    }

    public static CheckResult up(Instant at, Duration latency) {
        return new CheckResult(Status.UP, latency, at, null, Map.of(), Map.of());
    }

    public static CheckResult degraded(Instant at, Duration latency, String why) {
        return new CheckResult(Status.DEGRADED, latency, at, why, Map.of(), Map.of());
    }

    public static CheckResult down(Instant at, Duration latency, String why) {
        return new CheckResult(Status.DOWN, latency, at, why, Map.of(), Map.of());
    }

    /**
     * Nothing to say yet, neither up nor down: a heartbeat that has not heard from its job since the
     * board started, while {@code max_silence} has not passed. The entity stays pending (unknown).
     */
    public static CheckResult pending(Instant at, String waitingFor) {
        return new CheckResult(Status.UNKNOWN, Duration.ZERO, at, waitingFor, Map.of(), Map.of());
    }

    /** Whether this says nothing yet ({@link #pending}). */
    public boolean isPending() {
        return status == Status.UNKNOWN;
    }

    /** The same result with one more detail. */
    public CheckResult withDetail(String key, String value) {
        var more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new CheckResult(status, latency, at, error, more, extra);
    }

    /** The same result with captured values added to {@code extra}. */
    public CheckResult withExtra(Map<String, String> captured) {
        var more = new LinkedHashMap<>(extra);
        more.putAll(captured);
        return new CheckResult(status, latency, at, error, details, more);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
