package dev.topowatch.checkers.heartbeat;

import dev.topowatch.topology.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One push of a heartbeat, as its job sent it (the fields of Uptime Kuma's push monitors).
 *
 * @param status  {@code up} or {@code down}, as the job said
 * @param message what the job said ({@code msg=}); null when nothing
 * @param latency what the job measured ({@code ping=}); null when not given
 */
public record Push(Instant at, Status status, String message, Duration latency) {

    public Push {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        if (status != Status.UP && status != Status.DOWN) {
            throw new IllegalArgumentException("a push says up or down, not " + status);
        }
        if (latency != null && latency.isNegative()) {
            throw new IllegalArgumentException("a push's latency cannot be negative");
        }
        if (message != null && message.isBlank()) {
            message = null;
        }
    }

    /** A plain push: the job ran, nothing more said. */
    public static Push up(Instant at) {
        return new Push(at, Status.UP, null, null);
    }
}
