package dev.topowatch.server.alerts;

import java.time.Duration;

/** Exponential backoff between attempts at one message: first, then doubling, never above max. */
public record Backoff(Duration first, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    public Duration after(int attempts) {
        long millis = first.toMillis();
        for (int i = 1; i < attempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
