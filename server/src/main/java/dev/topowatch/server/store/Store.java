package dev.topowatch.server.store;

import dev.topowatch.checkers.heartbeat.Push;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where counters, current state, history and transitions live. Writes are asynchronous and batched
 * by one writer, in the order they were made; reads see what has been written. SQLite is the
 * default; the interface lets a server database follow.
 */
public interface Store extends Outbox, AutoCloseable {

    /** The state of every entity, as last written, including removed ones still within retention. */
    Map<String, EntityState> loadStates();

    /** Queues one check: its raw result for history and the entity's state after it. */
    void recordCheck(RecordedCheck check, EntityState state);

    /**
     * Queues a transition with the alerts it causes: the transition, the state queued with it and the
     * alerts' outbox rows are written in one transaction, or none of them.
     */
    void recordTransition(Transition transition, EntityState state, List<OutboxMessage> alerts);

    default void recordTransition(Transition transition, EntityState state) {
        recordTransition(transition, state, List.of());
    }

    /** Queues alerts that no transition carries: flapping, an invalid topology file. */
    void recordAlerts(List<OutboxMessage> alerts);

    /** Queues a heartbeat's push; the last one of each entity is kept, so that a restart does not forget it. */
    void recordPush(String entity, Push push);

    /** The last push of every heartbeat entity, as recorded. */
    Map<String, Push> lastPushes();

    /** Queues: the entity left the topology at {@code at}; its history is kept until retention expires. */
    void markRemoved(String entity, Instant at);

    /** History of one entity from {@code from} (inclusive) to {@code to} (exclusive), one point per step. */
    List<HistoryPoint> history(String entity, Instant from, Instant to, Duration step);

    /**
     * The checks of {@code entities} from {@code from} to {@code to}, summed from the history's buckets
     * (minutes while they are kept, hours beyond): what uptime windows are computed from.
     */
    CheckTotals totals(Collection<String> entities, Instant from, Instant to);

    /** The newest transitions first; {@code entity} and {@code before} may be null (no filter). */
    List<Transition> transitions(String entity, int limit, Instant before);

    /** The newest raw results of one entity, newest first. */
    List<RecordedCheck> recentChecks(String entity, int limit);

    /** Deletes what retention no longer keeps; returns how many rows went. */
    long prune(Instant now);

    /** Waits until everything queued so far is written (or has failed). */
    void flush();

    /** Whether writes are going through, and the last write error if not. */
    StoreHealth health();

    @Override
    void close();
}
