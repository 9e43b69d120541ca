package dev.topowatch.server.cli;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.heartbeat.HeartbeatChecker;
import dev.topowatch.checkers.heartbeat.HeartbeatRegistry;
import dev.topowatch.checkers.heartbeat.Push;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * How a one-shot {@code check} judges heartbeats. Their jobs push to a running board, so a run that
 * is not one cannot tell: a note, not a failure. Given a board's database, the last pushes it
 * received are judged as the board would, without the grace a board gives itself after a start.
 */
final class OneShotHeartbeats {
    static final String NOT_CHECKABLE = "not checkable in a one-shot run: its job pushes to a running board"
            + " (--database judges the last pushes a board received)";

    private OneShotHeartbeats() {
    }

    /** Every heartbeat pending with a note. */
    static Checker notCheckable(Clock clock) {
        return (entity, timeout) -> CheckResult.pending(clock.instant(), NOT_CHECKABLE);
    }

    /** Heartbeats judged by the pushes a board recorded in {@code database}; pending with a note where it recorded none. */
    static Checker fromPushes(Map<String, Push> pushes, Path database, Clock clock) {
        // Listening "since ever": silence counts from the last push alone.
        var registry = new HeartbeatRegistry(Instant.EPOCH);
        pushes.forEach(registry::push);
        var judge = new HeartbeatChecker(registry, clock);
        return (entity, timeout) -> registry.lastPush(entity.name()).isPresent()
                ? judge.check(entity, timeout)
                : CheckResult.pending(clock.instant(), "no push recorded in " + database);
    }
}
