package dev.topowatch.checkers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a probe started, by the injected clock (for the result's timestamp), and how long it has run, by
 * the monotonic clock (a wall clock that jumps would give negative or huge latencies).
 */
public record Stopwatch(Instant at, long startNanos) {

    public static Stopwatch start(Clock clock) {
        return new Stopwatch(clock.instant(), System.nanoTime());
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
