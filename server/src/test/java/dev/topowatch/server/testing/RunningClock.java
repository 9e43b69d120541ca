package dev.topowatch.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs in real time from a chosen start and can be moved forward: for parts that wait
 * on the clock (alert grouping, retries) while the test still wants exact timestamps and durations.
 */
public final class RunningClock extends Clock {
    private volatile Duration offset;

    public RunningClock(Instant start) {
        this.offset = Duration.between(Instant.now(), start);
    }

    /** From now on the clock reads {@code now}, and runs on from there. */
    public void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
