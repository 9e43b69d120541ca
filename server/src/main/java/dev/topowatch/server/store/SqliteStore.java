package dev.topowatch.server.store;

import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.engine.Transition;
import dev.topowatch.server.outbox.OutboxMessage;
import dev.topowatch.server.outbox.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store: one SQLite file in WAL mode, so that readers never wait for the writer. One
 * writer thread applies queued writes in order, many per transaction. History is bounded: the last
 * raw results per entity, minute buckets for 48 hours, hour buckets for the retention, so the file
 * stops growing once the windows are full. When a write fails (disk full, file read-only or locked),
 * nothing queued is lost: the writer retries with backoff while the board runs on from memory, and
 * {@link #health()} says what is wrong.
 *
 * <p>This class owns the write queue and the writer thread, and the batch SQL of checks,
 * transitions and states; the rest of its jobs are classes of their own on its connections:
 * {@link OutboxWrites} and {@link OutboxReads} (the alert outbox), {@link HistoryReads} (what the
 * board reads back), {@link Retention} (what is kept, and the one schedule that prunes it).
 */
public final class SqliteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    static final int BATCH = 1000;
    /**
     * How long a batch of check results waits for more before it is committed. A quiet board then
     * commits every few seconds instead of once per result (each commit writes whole pages and wakes
     * a thread: on a 50-entity board that was most of the writer's CPU); a kill -9 loses at most
     * those seconds of raw results and counts (the in-memory state is rebuilt from the next checks).
     * Transitions, alerts, mutes, removals, {@link #flush()} and reads of the history never wait:
     * they end the wait at once.
     */
    static final Duration LINGER = Duration.ofSeconds(5);
    /** Beyond this many queued checks new ones are dropped (and counted); transitions never are. */
    static final int MAX_QUEUED_CHECKS = 200_000;
    /** The writer's page cache cap, in KiB (SQLite's default is 2 MB); readers keep the default. */
    private static final int WRITER_CACHE_KIB = 32 * 1024;
    /** How a superseded alert's row starts its {@code last_error}. */
    static final String SUPERSEDED = "superseded";

    private final Path file;
    private final Clock clock;
    private final Connection reader;
    private final Connection writer;
    private final LinkedBlockingDeque<Write> queue = new LinkedBlockingDeque<>();
    /** Released by every write that must not linger, and by every full batch of checks. */
    private final Semaphore urgent = new Semaphore(0);
    private final AtomicLong queuedChecks = new AtomicLong();
    private final AtomicLong droppedChecks = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final BucketWriter buckets;
    private final Thread writerThread;
    private volatile boolean closed;
    private volatile String lastError;
    private final List<Runnable> alertListeners = new CopyOnWriteArrayList<>();
    private final Retention retention;
    private final OutboxWrites outboxWrites;
    private final OutboxReads outboxReads;
    private final HistoryReads history;

    public SqliteStore(Path file, Clock clock, Duration retention, int rawPerEntity) throws SQLException, IOException {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        if (this.file.getParent() != null) {
            Files.createDirectories(this.file.getParent());
        }
        this.writer = open(this.file);
        try (var statement = writer.createStatement()) {
            // With a thousand entities every batch touches pages of the result, state and bucket
            // tables all over the file; with the default 2 MB cache each is read again from the OS, a
            // pread each (StoreSize at 1,000 entities: 30% more results a second with 32 MB). A cap,
            // not an allocation: a small board's file takes what it is.
            statement.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
        }
        Schema.migrate(writer, this.file.toString());
        this.reader = open(this.file);
        this.buckets = new BucketWriter(writer);
        this.retention = new Retention(writer, clock, retention, rawPerEntity);
        this.outboxWrites = new OutboxWrites(writer);
        this.outboxReads = new OutboxReads(reader, clock);
        this.history = new HistoryReads(reader, clock, this.file);
        this.writerThread = Thread.ofPlatform().name("store-writer").daemon().start(this::writeLoop);
    }

    public static SqliteStore open(Path file, Clock clock, Duration retention) throws SQLException, IOException {
        return new SqliteStore(file, clock, retention, 100);
    }

    private static Connection open(Path file) throws SQLException {
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA busy_timeout = 5000");
        }
        return connection;
    }

    @Override
    public void recordCheck(RecordedCheck check, EntityState state) {
        if (queuedChecks.get() >= MAX_QUEUED_CHECKS) {
            droppedChecks.incrementAndGet();
            return;
        }
        long queued = queuedChecks.incrementAndGet();
        queue.add(new Write.Check(check, state));
        if (queued % BATCH == 0) {
            urgent.release();
        }
    }

    /** Queues a write that ends any lingering at once. */
    private void enqueue(Write write) {
        queue.add(write);
        urgent.release();
    }

    @Override
    public void recordTransition(Transition transition, EntityState state, List<OutboxMessage> alerts) {
        enqueue(new Write.Change(transition, state, List.copyOf(alerts)));
    }

    @Override
    public void recordAlerts(List<OutboxMessage> alerts) {
        if (!alerts.isEmpty()) {
            enqueue(new Write.Alerts(List.copyOf(alerts)));
        }
    }

    @Override
    public void alertsDelivered(List<Long> ids, Instant at, List<SentMessage> sent) {
        var done = new CountDownLatch(1);
        awaitWritten(new Write.AlertOutcome(List.copyOf(ids), true, at, null, List.copyOf(sent), done), done);
    }

    @Override
    public void alertsFailed(List<Long> ids, String error, Instant nextAttempt) {
        var done = new CountDownLatch(1);
        awaitWritten(new Write.AlertOutcome(List.copyOf(ids), false, nextAttempt, error == null ? "failed" : error, List.of(), done), done);
    }

    @Override
    public void alertsSuperseded(List<Long> ids, String reason, Instant at) {
        var done = new CountDownLatch(1);
        awaitWritten(new Write.AlertOutcome(List.copyOf(ids), true, at, SUPERSEDED + ": " + reason, List.of(), done), done);
    }

    @Override
    public void messageEdited(SentMessage edited, Instant at) {
        var done = new CountDownLatch(1);
        awaitWritten(new Write.Edited(edited, at, done), done);
    }

    @Override
    public void messageClosed(String channel, long messageId, Instant at) {
        enqueue(new Write.Closed(channel, messageId, at));
    }

    @Override
    public void mute(String entity, Instant until) {
        enqueue(new Write.Mute(entity, until));
    }

    @Override
    public void recordPeak(String entity, Instant since, int casualties) {
        enqueue(new Write.Peak(entity, since, casualties));
    }

    @Override
    public void recordPush(String entity, Push push) {
        enqueue(new Write.Pushed(entity, push));
    }

    @Override
    public void onAlertsWritten(Runnable listener) {
        alertListeners.add(listener);
    }

    private void awaitWritten(Write write, CountDownLatch done) {
        if (closed || !writerThread.isAlive()) {
            return;
        }
        enqueue(write);
        try {
            // Bounded: senders remember what they delivered, so a stuck disk cannot make them resend.
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void markRemoved(String entity, Instant at) {
        enqueue(new Write.Removed(entity, at));
    }

    @Override
    public void flush() {
        awaitQueued(Duration.ofSeconds(30));
    }

    /** Waits, at most {@code limit}, until everything queued so far is written. */
    private void awaitQueued(Duration limit) {
        if (closed || !writerThread.isAlive()) {
            return;
        }
        var done = new CountDownLatch(1);
        enqueue(new Write.Barrier(done));
        try {
            // Bounded: a store that cannot write must not hang the caller for ever.
            done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Before reading check results: commits the ones lingering in a batch, so that a read sees every
     * result recorded before it, as without lingering. Briefly, and not while the file is unwritable.
     */
    private void commitLingeringChecks() {
        if (queuedChecks.get() > 0 && lastError == null) {
            awaitQueued(Duration.ofSeconds(2));
        }
    }

    private void writeLoop() {
        var batch = new ArrayList<Write>();
        long backoff = 0;
        // Writes left queued behind a full batch: their permits may have been drained with it, so
        // the next batch must not linger (a prune or a transition among them would wait for nothing).
        boolean backlog = false;
        while (!closed || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    var first = queue.poll(retention.untilDue(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        pruneWhenDue();
                        continue;
                    }
                    batch.add(first);
                    if (first instanceof Write.Check && !closed && !backlog && queue.size() < BATCH - 1) {
                        // Only checks so far: wait for more, unless something that must not wait comes.
                        urgent.tryAcquire(LINGER.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    urgent.drainPermits();
                    queue.drainTo(batch, BATCH - 1);
                    backlog = !queue.isEmpty();
                }
                boolean alertsWritten = apply(batch);
                batch.forEach(this::released);
                if (alertsWritten) {
                    alertListeners.forEach(Runnable::run);
                }
                batch.clear();
                lastError = null;
                backoff = 0;
                pruneWhenDue();
            } catch (InterruptedException stopping) {
                if (!closed) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (SQLException | RuntimeException failed) {
                // Keep the batch: it is written when the file is writable again.
                lastError = failed.getMessage();
                backoff = Math.min(30_000, Math.max(250, backoff * 2));
                LOG.warn("store write failed, retrying in {} ms error=\"{}\" queued={}", backoff, lastError, queue.size() + batch.size());
                batch.stream().filter(write -> write instanceof Write.Barrier || write instanceof Write.Prune
                        || write instanceof Write.AlertOutcome || write instanceof Write.Edited).forEach(this::released);
                batch.removeIf(write -> write instanceof Write.Barrier || write instanceof Write.Prune);
                if (closed) {
                    return;
                }
                sleep(backoff);
            }
        }
    }

    private void released(Write write) {
        switch (write) {
            case Write.Barrier barrier -> barrier.done().countDown();
            case Write.Prune prune -> prune.done().countDown();
            case Write.AlertOutcome outcome -> outcome.done().countDown();
            case Write.Edited edited -> edited.done().countDown();
            case Write.Check ignored -> queuedChecks.decrementAndGet();
            default -> {
                // nobody waits for the others
            }
        }
    }

    /** Writes one batch in one transaction; says whether it held new alerts. */
    private boolean apply(List<Write> batch) throws SQLException {
        boolean alertsWritten = false;
        writer.setAutoCommit(false);
        try (var state = writer.prepareStatement(
                "INSERT INTO entity_state (name, state, removed_at) VALUES (?, ?, NULL)"
                        + " ON CONFLICT (name) DO UPDATE SET state = excluded.state, removed_at = NULL");
             var result = writer.prepareStatement(
                     "INSERT INTO check_result (entity, at, outcome, blocked, latency_ms, error) VALUES (?, ?, ?, ?, ?, ?)");
             var transition = writer.prepareStatement(
                     "INSERT INTO transition (entity, from_status, to_status, at, reason, root_cause) VALUES (?, ?, ?, ?, ?, ?)");
             var removed = writer.prepareStatement("UPDATE entity_state SET removed_at = ? WHERE name = ?");
             var outbox = writer.prepareStatement(
                     "INSERT INTO outbox (channel, kind, entity, created_at, body, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            var latestStates = new HashMap<String, EntityState>();
            for (var write : batch) {
                switch (write) {
                    case Write.Check check -> {
                        var recorded = check.check();
                        result.setString(1, recorded.entity());
                        result.setLong(2, recorded.at().toEpochMilli());
                        result.setString(3, recorded.outcome().wireName());
                        result.setInt(4, recorded.blocked() ? 1 : 0);
                        result.setLong(5, recorded.latency().toMillis());
                        result.setString(6, recorded.error());
                        result.addBatch();
                        buckets.add(recorded);
                        latestStates.put(check.state().name(), check.state());
                    }
                    case Write.Change change -> {
                        var t = change.transition();
                        transition.setString(1, t.entity());
                        transition.setString(2, t.from().wireName());
                        transition.setString(3, t.to().wireName());
                        transition.setLong(4, t.at().toEpochMilli());
                        transition.setString(5, t.reason());
                        transition.setString(6, Columns.json(t.rootCause()));
                        transition.addBatch();
                        latestStates.put(change.state().name(), change.state());
                        alertsWritten |= OutboxWrites.add(outbox, change.alerts());
                    }
                    case Write.Alerts alerts -> alertsWritten |= OutboxWrites.add(outbox, alerts.alerts());
                    case Write.AlertOutcome outcome -> {
                        outbox.executeBatch();
                        outboxWrites.outcome(outcome);
                    }
                    case Write.Edited edited -> outboxWrites.edited(edited);
                    case Write.Closed gone -> outboxWrites.closed(gone);
                    case Write.Mute mute -> outboxWrites.mute(mute);
                    case Write.Pushed pushed -> writePush(pushed);
                    case Write.Peak peak -> outboxWrites.peak(peak);
                    case Write.Removed gone -> {
                        writePending(result, transition, state, latestStates);
                        removed.setLong(1, gone.at().toEpochMilli());
                        removed.setString(2, gone.entity());
                        removed.executeUpdate();
                    }
                    case Write.Prune prune -> {
                        writePending(result, transition, state, latestStates);
                        prune.deleted().addAndGet(retention.prune(prune.now()));
                    }
                    case Write.Barrier ignored -> {
                    }
                }
            }
            writePending(result, transition, state, latestStates);
            outbox.executeBatch();
            writer.commit();
            transactions.incrementAndGet();
            return alertsWritten;
        } catch (SQLException | RuntimeException failed) {
            buckets.forgetUnsaved();
            // SQLite may have rolled back already (a full disk does): keep the cause, not the rollback's complaint.
            try {
                writer.rollback();
            } catch (SQLException alreadyRolledBack) {
                failed.addSuppressed(alreadyRolledBack);
            }
            throw failed;
        } finally {
            try {
                writer.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next batch sets it again
            }
        }
    }

    private void writePush(Write.Pushed pushed) throws SQLException {
        try (var statement = writer.prepareStatement("INSERT INTO heartbeat_push (entity, at, status, message, latency_ms)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity) DO UPDATE SET at = excluded.at, status = excluded.status,"
                + " message = excluded.message, latency_ms = excluded.latency_ms WHERE excluded.at >= heartbeat_push.at")) {
            var push = pushed.push();
            statement.setString(1, pushed.entity());
            statement.setLong(2, push.at().toEpochMilli());
            statement.setString(3, push.status().wireName());
            statement.setString(4, push.message());
            if (push.latency() == null) {
                statement.setNull(5, java.sql.Types.INTEGER);
            } else {
                statement.setLong(5, push.latency().toMillis());
            }
            statement.executeUpdate();
        }
    }

    /** Executes what the batch has gathered so far, so that what follows (a prune, a removal) sees it. */
    private void writePending(PreparedStatement results, PreparedStatement transitions, PreparedStatement states,
                              Map<String, EntityState> latestStates) throws SQLException {
        results.executeBatch();
        transitions.executeBatch();
        writeStates(states, latestStates);
        buckets.flush();
    }

    private static void writeStates(PreparedStatement statement, Map<String, EntityState> states) throws SQLException {
        for (var entry : states.values()) {
            statement.setString(1, entry.name());
            statement.setString(2, StateCodec.encode(entry));
            statement.addBatch();
        }
        statement.executeBatch();
        states.clear();
    }

    @Override
    public Map<String, EntityState> loadStates() {
        return history.loadStates();
    }

    @Override
    public Map<String, Push> lastPushes() {
        return history.lastPushes();
    }

    @Override
    public List<HistoryPoint> history(String entity, Instant from, Instant to, Duration step) {
        commitLingeringChecks();
        return history.history(entity, from, to, step);
    }

    @Override
    public CheckTotals totals(Collection<String> entities, Instant from, Instant to) {
        if (entities.isEmpty()) {
            return new CheckTotals(0, 0, 0);
        }
        commitLingeringChecks();
        return history.totals(entities, from, to);
    }

    @Override
    public List<Transition> transitions(String entity, int limit, Instant before) {
        return history.transitions(entity, limit, before);
    }

    @Override
    public List<RecordedCheck> recentChecks(String entity, int limit) {
        commitLingeringChecks();
        return history.recentChecks(entity, limit);
    }

    @Override
    public List<OutboxMessage> pendingAlerts(String channel, int limit) {
        return outboxReads.pendingAlerts(channel, limit);
    }

    @Override
    public List<SentMessage> editableMessages(String channel) {
        return outboxReads.editableMessages(channel);
    }

    @Override
    public boolean lastProblemSuperseded(String channel, String entity, long beforeId) {
        return outboxReads.lastProblemSuperseded(channel, entity, beforeId);
    }

    @Override
    public Map<String, Long> undeliveredAlerts() {
        return outboxReads.undeliveredAlerts();
    }

    @Override
    public Map<String, OpenProblem> openProblems() {
        return outboxReads.openProblems();
    }

    @Override
    public Map<String, Instant> mutes() {
        return outboxReads.mutes();
    }

    /** Runs on the writer thread, so pruning never races a batch; at most every few minutes. */
    private void pruneWhenDue() {
        var now = clock.instant();
        if (retention.due(now)) {
            try {
                retention.prune(now);
            } catch (SQLException failed) {
                lastError = failed.getMessage();
                LOG.warn("store prune failed error=\"{}\"", failed.getMessage());
            }
        }
    }

    @Override
    public long prune(Instant now) {
        var prune = new Write.Prune(now, new AtomicLong(), new CountDownLatch(1));
        enqueue(prune);
        try {
            prune.done().await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return prune.deleted().get();
    }

    @Override
    public StoreHealth health() {
        return new StoreHealth(lastError == null, lastError, queue.size());
    }

    /** Checks dropped because the queue was full (the disk stayed unwritable for long). */
    public long droppedChecks() {
        return droppedChecks.get();
    }

    /** Transactions committed so far; for tests of batching. */
    long transactions() {
        return transactions.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        // Wakes the idle writer, which sleeps until the next prune is due, so that it sees closed.
        queue.add(new Write.Barrier(new CountDownLatch(1)));
        try {
            writerThread.join(Duration.ofSeconds(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            reader.close();
            writer.close();
        } catch (SQLException ignored) {
            // closing; nothing left to save
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
