package dev.topowatch.server.store;

import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.engine.EngineStore;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.engine.Transition;
import dev.topowatch.server.outbox.Outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where counters, current state, history and transitions live. Writes are asynchronous and batched
 * by one writer, in the order they were made; reads see what has been written. SQLite is the
 * default; the interface lets a server database follow. The records it keeps are the engine's
 * ({@link EngineStore}, {@code EntityState}, {@code Transition}) and the outbox's: the store persists
 * them and defines none, so that it depends on them and not the other way round.
 */
public interface Store extends EngineStore, Outbox, AutoCloseable {

    /** Queues a heartbeat's push; the last one of each entity is kept, so that a restart does not forget it. */
    void recordPush(String entity, Push push);

    /** The last push of every heartbeat entity, as recorded. */
    Map<String, Push> lastPushes();

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

    /**
     * Deletes what retention no longer keeps, now; returns how many rows went. The store prunes on its
     * own schedule too ({@code Retention.EVERY}): this is for a simulated clock (tests, benchmarks).
     */
    long prune(Instant now);

    /** Waits until everything queued so far is written (or has failed). */
    void flush();

    /** Whether writes are going through, and the last write error if not. */
    StoreHealth health();

    @Override
    void close();
}
