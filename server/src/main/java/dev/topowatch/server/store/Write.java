package dev.topowatch.server.store;

import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.engine.Transition;
import dev.topowatch.server.outbox.OutboxMessage;
import dev.topowatch.server.outbox.SentMessage;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One queued write, applied by the writer in order. A transition and its state are one item, so they
 * land in the same SQLite transaction; alert outbox rows will join them there.
 */
sealed interface Write {

    record Check(RecordedCheck check, EntityState state) implements Write {
    }

    record Change(Transition transition, EntityState state, List<OutboxMessage> alerts) implements Write {
    }

    record Alerts(List<OutboxMessage> alerts) implements Write {
    }

    /**
     * What became of alerts: {@code delivered} (or superseded, then {@code note} says why) at
     * {@code at}, or failed once more with {@code note} as the error and {@code at} the next attempt;
     * {@code done} counts down once written.
     */
    record AlertOutcome(List<Long> ids, boolean delivered, Instant at, String note, List<SentMessage> sent,
                        CountDownLatch done) implements Write {
    }

    /** A sent message edited to show {@code body} at {@code at}; {@code done} counts down once written. */
    record Edited(SentMessage message, Instant at, CountDownLatch done) implements Write {
    }

    /** A sent message not to be edited again. */
    record Closed(String channel, long messageId, Instant at) implements Write {
    }

    /** Mutes an entity until a time; lifts the mute when {@code until} is null. */
    record Mute(String entity, Instant until) implements Write {
    }

    /** How many a root's outage blocked at most so far, replacing what was known. */
    record Peak(String entity, Instant since, int casualties) implements Write {
    }

    /** The last push of a heartbeat, replacing the one before. */
    record Pushed(String entity, Push push) implements Write {
    }

    record Removed(String entity, Instant at) implements Write {
    }

    /** Deletes what retention no longer keeps, in turn with the writes; {@code done} counts down after. */
    record Prune(Instant now, java.util.concurrent.atomic.AtomicLong deleted, CountDownLatch done) implements Write {
    }

    /** Not a write: released once everything queued before it is written (flush). */
    record Barrier(CountDownLatch done) implements Write {
    }
}
