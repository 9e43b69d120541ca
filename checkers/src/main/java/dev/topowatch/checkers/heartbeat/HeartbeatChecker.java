package dev.topowatch.checkers.heartbeat;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HeartbeatCheck;
import dev.topowatch.topology.load.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * {@code type: heartbeat}: the target reports to us. Down at once when its last push said so (with
 * the job's message); up while its last push is younger than {@code max_silence}; otherwise pending
 * until {@code max_silence} has passed since the later of its last push and the moment the board
 * began to listen (a restart or a deploy is not the job's silence), and down after that.
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
        var maxSilence = heartbeat.maxSilence();
        var lastPush = registry.lastPush(entity.name());
        if (lastPush.isPresent()) {
            var push = lastPush.get();
            var result = fromPush(push, now, maxSilence);
            if (result != null) {
                return result.withDetail("last_push", push.at().toString()).withDetail("silence", Durations.format(silence(push.at(), now)));
            }
        }
        var listening = registry.listeningSince(entity.name());
        var waitingSince = lastPush.map(push -> later(push.at(), listening)).orElse(listening);
        if (silence(waitingSince, now).compareTo(maxSilence) <= 0) {
            return CheckResult.pending(now, "waiting for a push: down if none arrives by " + waitingSince.plus(maxSilence)
                    + " (max_silence " + Durations.format(maxSilence) + ")");
        }
        return CheckResult.down(now, Duration.ZERO, lastPush
                .map(push -> "no heartbeat for " + Durations.format(silence(push.at(), now)))
                .orElse("no heartbeat received in the " + Durations.format(silence(listening, now)) + " since the board started listening")
                + " (max_silence " + Durations.format(maxSilence) + ")");
    }

    /** What the push says now: down as the job said, up while it is recent; null once it is too old to say. */
    private static CheckResult fromPush(Push push, Instant now, Duration maxSilence) {
        var latency = push.latency() == null ? Duration.ZERO : push.latency();
        if (push.status() == Status.DOWN) {
            return CheckResult.down(now, latency, push.message() == null ? "the job pushed status=down" : push.message());
        }
        if (silence(push.at(), now).compareTo(maxSilence) > 0) {
            return null;
        }
        var up = CheckResult.up(now, latency);
        return push.message() == null ? up : up.withExtra(Map.of("message", push.message()));
    }

    /** In whole seconds, as people read it; a push stamped a little in the future (clock skew) counts as silence zero. */
    private static Duration silence(Instant since, Instant now) {
        var silence = Duration.between(since, now).truncatedTo(ChronoUnit.SECONDS);
        return silence.isNegative() ? Duration.ZERO : silence;
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
