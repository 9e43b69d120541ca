package dev.topowatch.checkers.heartbeat;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.HeartbeatCheck;
import dev.topowatch.topology.load.Durations;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code type: heartbeat}: the target reports to us. Up while its last push is younger than
 * {@code max_silence}. Before the first push it is down ("no heartbeat received yet"): a job that
 * never reported is a failure worth seeing, and the server can restore the last push of a previous
 * run through {@link HeartbeatRegistry#push(String, java.time.Instant)} so that a restart does not
 * turn every heartbeat red.
 */
public final class HeartbeatChecker implements Checker {
    private final HeartbeatRegistry registry;
    private final Clock clock;

    public HeartbeatChecker(HeartbeatRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof HeartbeatCheck heartbeat)) {
            throw new IllegalArgumentException("not a heartbeat entity: " + entity.name());
        }
        var now = clock.instant();
        var lastPush = registry.lastPush(entity.name());
        if (lastPush.isEmpty()) {
            return CheckResult.down(now, Duration.ZERO, "no heartbeat received yet");
        }
        // A push stamped a little in the future (clock skew) counts as silence zero.
        var silence = Duration.between(lastPush.get(), now);
        if (silence.isNegative()) {
            silence = Duration.ZERO;
        }
        var result = silence.compareTo(heartbeat.maxSilence()) <= 0
                ? CheckResult.up(now, Duration.ZERO)
                : CheckResult.down(now, Duration.ZERO, "no heartbeat for " + Durations.format(silence)
                        + " (max_silence " + Durations.format(heartbeat.maxSilence()) + ")");
        return result.withDetail("last_push", lastPush.get().toString())
                .withDetail("silence", Durations.format(silence));
    }
}
