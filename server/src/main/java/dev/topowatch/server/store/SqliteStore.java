package dev.topowatch.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.topology.Status;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 */
public final class SqliteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    static final Duration MINUTE_WINDOW = Duration.ofHours(48);
    static final int BATCH = 1000;
    static final Duration PRUNE_EVERY = Duration.ofMinutes(5);
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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a superseded alert's row starts its {@code last_error}. */
    static final String SUPERSEDED = "superseded";

    private final Path file;
    private final Clock clock;
    private final Duration retention;
    private final int rawPerEntity;
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
    private Instant lastPrune = Instant.EPOCH;

    public SqliteStore(Path file, Clock clock, Duration retention, int rawPerEntity) throws SQLException, IOException {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        this.retention = retention;
        this.rawPerEntity = rawPerEntity;
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
    public Map<String, EntityState> loadStates() {
        synchronized (reader) {
            var states = new HashMap<String, EntityState>();
            try (var statement = reader.prepareStatement("SELECT name, state FROM entity_state");
                 var rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), StateCodec.decode(rows.getString(1), rows.getString(2)));
                }
            } catch (SQLException failed) {
                throw new StoreException("cannot read entity states from " + file, failed);
            }
            return states;
        }
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
    public List<SentMessage> editableMessages(String channel) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT message_id, body FROM sent_message"
                    + " WHERE channel = ? AND closed_at IS NULL ORDER BY sent_at, message_id")) {
                statement.setString(1, channel);
                var messages = new ArrayList<SentMessage>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        messages.add(new SentMessage(channel, rows.getLong(1), rows.getString(2)));
                    }
                }
                return messages;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the sent messages", failed);
            }
        }
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
    public boolean lastProblemSuperseded(String channel, String entity, long beforeId) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT last_error FROM outbox WHERE channel = ? AND entity = ?"
                    + " AND kind IN ('down', 'degraded') AND id < ? ORDER BY id DESC LIMIT 1")) {
                statement.setString(1, channel);
                statement.setString(2, entity);
                statement.setLong(3, beforeId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() && rows.getString(1) != null && rows.getString(1).startsWith(SUPERSEDED);
                }
            } catch (SQLException failed) {
                throw new StoreException("cannot read the alert outbox", failed);
            }
        }
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
    public Map<String, Push> lastPushes() {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT entity, at, status, message, latency_ms FROM heartbeat_push");
                 var rows = statement.executeQuery()) {
                var pushes = new HashMap<String, Push>();
                while (rows.next()) {
                    long latencyMillis = rows.getLong(5);
                    var latency = rows.wasNull() ? null : Duration.ofMillis(latencyMillis);
                    pushes.put(rows.getString(1), new Push(Instant.ofEpochMilli(rows.getLong(2)), status(rows.getString(3)),
                            rows.getString(4), latency));
                }
                return pushes;
            } catch (SQLException failed) {
                throw new StoreException("cannot read heartbeat pushes from " + file, failed);
            }
        }
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
                    var first = queue.poll(untilPruneDue(), TimeUnit.MILLISECONDS);
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
                        transition.setString(6, json(t.rootCause()));
                        transition.addBatch();
                        latestStates.put(change.state().name(), change.state());
                        alertsWritten |= addAlerts(outbox, change.alerts());
                    }
                    case Write.Alerts alerts -> alertsWritten |= addAlerts(outbox, alerts.alerts());
                    case Write.AlertOutcome outcome -> {
                        outbox.executeBatch();
                        writeOutcome(outcome);
                        writeSent(outcome);
                    }
                    case Write.Edited edited -> writeEdited(edited);
                    case Write.Closed gone -> writeClosed(gone);
                    case Write.Mute mute -> writeMute(mute);
                    case Write.Pushed pushed -> writePush(pushed);
                    case Write.Peak peak -> writePeak(peak);
                    case Write.Removed gone -> {
                        writePending(result, transition, state, latestStates);
                        removed.setLong(1, gone.at().toEpochMilli());
                        removed.setString(2, gone.entity());
                        removed.executeUpdate();
                    }
                    case Write.Prune prune -> {
                        writePending(result, transition, state, latestStates);
                        prune.deleted().addAndGet(pruneNow(prune.now()));
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

    private static boolean addAlerts(PreparedStatement outbox, List<OutboxMessage> alerts) throws SQLException {
        for (var alert : alerts) {
            outbox.setString(1, alert.channel());
            outbox.setString(2, alert.kind());
            outbox.setString(3, alert.entity());
            outbox.setLong(4, alert.createdAt().toEpochMilli());
            outbox.setString(5, alert.body());
            outbox.setLong(6, alert.nextAttempt().toEpochMilli());
            outbox.addBatch();
        }
        return !alerts.isEmpty();
    }

    private void writeOutcome(Write.AlertOutcome outcome) throws SQLException {
        try (var statement = writer.prepareStatement(outcome.delivered()
                ? "UPDATE outbox SET delivered_at = ?, last_error = ? WHERE id = ?"
                : "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?")) {
            for (var id : outcome.ids()) {
                statement.setLong(1, outcome.at().toEpochMilli());
                statement.setString(2, outcome.note());
                statement.setLong(3, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void writeSent(Write.AlertOutcome outcome) throws SQLException {
        if (outcome.sent().isEmpty()) {
            return;
        }
        try (var statement = writer.prepareStatement("INSERT INTO sent_message (channel, message_id, body, sent_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (channel, message_id) DO UPDATE SET body = excluded.body, sent_at = excluded.sent_at, closed_at = NULL")) {
            for (var message : outcome.sent()) {
                statement.setString(1, message.channel());
                statement.setLong(2, message.messageId());
                statement.setString(3, message.body());
                statement.setLong(4, outcome.at().toEpochMilli());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void writeEdited(Write.Edited edited) throws SQLException {
        try (var statement = writer.prepareStatement("UPDATE sent_message SET body = ?, edited_at = ? WHERE channel = ? AND message_id = ?")) {
            statement.setString(1, edited.message().body());
            statement.setLong(2, edited.at().toEpochMilli());
            statement.setString(3, edited.message().channel());
            statement.setLong(4, edited.message().messageId());
            statement.executeUpdate();
        }
    }

    private void writeClosed(Write.Closed gone) throws SQLException {
        try (var statement = writer.prepareStatement("UPDATE sent_message SET closed_at = ? WHERE channel = ? AND message_id = ?")) {
            statement.setLong(1, gone.at().toEpochMilli());
            statement.setString(2, gone.channel());
            statement.setLong(3, gone.messageId());
            statement.executeUpdate();
        }
    }

    private void writeMute(Write.Mute mute) throws SQLException {
        try (var statement = writer.prepareStatement(mute.until() == null
                ? "DELETE FROM alert_mute WHERE entity = ?"
                : "INSERT INTO alert_mute (entity, until) VALUES (?, ?) ON CONFLICT (entity) DO UPDATE SET until = excluded.until")) {
            statement.setString(1, mute.entity());
            if (mute.until() != null) {
                statement.setLong(2, mute.until().toEpochMilli());
            }
            statement.executeUpdate();
        }
    }

    private void writePeak(Write.Peak peak) throws SQLException {
        try (var statement = writer.prepareStatement("INSERT INTO alert_peak (entity, since, casualties) VALUES (?, ?, ?)"
                + " ON CONFLICT (entity) DO UPDATE SET since = excluded.since, casualties = excluded.casualties")) {
            statement.setString(1, peak.entity());
            statement.setLong(2, peak.since().toEpochMilli());
            statement.setInt(3, peak.casualties());
            statement.executeUpdate();
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

    @Override
    public List<OutboxMessage> pendingAlerts(String channel, int limit) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT id, kind, entity, created_at, body, attempts, next_attempt_at, last_error"
                    + " FROM outbox WHERE channel = ? AND delivered_at IS NULL ORDER BY id LIMIT ?")) {
                statement.setString(1, channel);
                statement.setInt(2, limit);
                var messages = new ArrayList<OutboxMessage>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        messages.add(new OutboxMessage(rows.getLong(1), channel, rows.getString(2), rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4)), rows.getString(5), rows.getInt(6),
                                Instant.ofEpochMilli(rows.getLong(7)), rows.getString(8)));
                    }
                }
                return messages;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the alert outbox", failed);
            }
        }
    }

    @Override
    public Map<String, Long> undeliveredAlerts() {
        synchronized (reader) {
            try (var statement = reader.prepareStatement(
                    "SELECT channel, count(*) FROM outbox WHERE delivered_at IS NULL GROUP BY channel ORDER BY channel");
                 var rows = statement.executeQuery()) {
                var counts = new TreeMap<String, Long>();
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
                return counts;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the alert outbox", failed);
            }
        }
    }

    @Override
    public Map<String, OpenProblem> openProblems() {
        synchronized (reader) {
            // Per entity, its newest announced down, degraded or recovery message on any channel.
            // Its peak was written when it opened (and each time it grew), after any peak of an earlier outage.
            try (var statement = reader.prepareStatement("SELECT o.entity, o.kind, o.created_at, coalesce(p.casualties, 0) FROM outbox o"
                    + " JOIN (SELECT entity, max(id) AS id FROM outbox WHERE kind IN ('down', 'degraded', 'recovered')"
                    + " AND (last_error IS NULL OR last_error NOT LIKE '" + SUPERSEDED + "%') GROUP BY entity) last"
                    + " ON last.id = o.id LEFT JOIN alert_peak p ON p.entity = o.entity WHERE o.kind != 'recovered'");
                 var rows = statement.executeQuery()) {
                var open = new HashMap<String, OpenProblem>();
                while (rows.next()) {
                    var status = status(rows.getString(2));
                    open.put(rows.getString(1), new OpenProblem(rows.getString(1), status,
                            Instant.ofEpochMilli(rows.getLong(3)), status == Status.DOWN ? rows.getInt(4) : 0));
                }
                return open;
            } catch (SQLException failed) {
                throw new StoreException("cannot read transitions", failed);
            }
        }
    }

    @Override
    public Map<String, Instant> mutes() {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT entity, until FROM alert_mute WHERE until > ?")) {
                statement.setLong(1, clock.millis());
                var mutes = new HashMap<String, Instant>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        mutes.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                    }
                }
                return mutes;
            } catch (SQLException failed) {
                throw new StoreException("cannot read mutes", failed);
            }
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
    public List<HistoryPoint> history(String entity, Instant from, Instant to, Duration step) {
        var now = clock.instant();
        commitLingeringChecks();
        synchronized (reader) {
            try {
                if (step.compareTo(Duration.ofMinutes(1)) < 0) {
                    return HistoryQuery.fromRaw(reader, entity, from, to, step);
                }
                long width = from.isBefore(now.minus(MINUTE_WINDOW)) || step.compareTo(Duration.ofHours(1)) >= 0 ? 3600 : 60;
                return HistoryQuery.fromBuckets(reader, entity, width, from, to, step);
            } catch (SQLException failed) {
                throw new StoreException("cannot read the history of '" + entity + "'", failed);
            }
        }
    }

    @Override
    public CheckTotals totals(Collection<String> entities, Instant from, Instant to) {
        if (entities.isEmpty()) {
            return new CheckTotals(0, 0, 0);
        }
        var now = clock.instant();
        commitLingeringChecks();
        synchronized (reader) {
            try {
                long width = from.isBefore(now.minus(MINUTE_WINDOW)) ? 3600 : 60;
                return HistoryQuery.totals(reader, entities, width, from, to);
            } catch (SQLException failed) {
                throw new StoreException("cannot read the history of " + String.join(", ", entities), failed);
            }
        }
    }

    @Override
    public List<Transition> transitions(String entity, int limit, Instant before) {
        var sql = new StringBuilder("SELECT id, entity, from_status, to_status, at, reason, root_cause FROM transition WHERE 1 = 1");
        if (entity != null) {
            sql.append(" AND entity = ?");
        }
        if (before != null) {
            sql.append(" AND at < ?");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        synchronized (reader) {
            try (var statement = reader.prepareStatement(sql.toString())) {
                int index = 1;
                if (entity != null) {
                    statement.setString(index++, entity);
                }
                if (before != null) {
                    statement.setLong(index++, before.toEpochMilli());
                }
                statement.setInt(index, Math.min(limit, 1000));
                var transitions = new ArrayList<Transition>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        transitions.add(new Transition(rows.getLong(1), rows.getString(2), status(rows.getString(3)),
                                status(rows.getString(4)), Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6),
                                strings(rows.getString(7))));
                    }
                }
                return transitions;
            } catch (SQLException failed) {
                throw new StoreException("cannot read transitions", failed);
            }
        }
    }

    @Override
    public List<RecordedCheck> recentChecks(String entity, int limit) {
        commitLingeringChecks();
        synchronized (reader) {
            try (var statement = reader.prepareStatement(
                    "SELECT at, outcome, blocked, latency_ms, error FROM check_result WHERE entity = ? ORDER BY at DESC, rowid DESC LIMIT ?")) {
                statement.setString(1, entity);
                statement.setInt(2, limit);
                var checks = new ArrayList<RecordedCheck>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        checks.add(new RecordedCheck(entity, Instant.ofEpochMilli(rows.getLong(1)), status(rows.getString(2)),
                                rows.getInt(3) == 1, Duration.ofMillis(rows.getLong(4)), rows.getString(5)));
                    }
                }
                return checks;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the checks of '" + entity + "'", failed);
            }
        }
    }

    /** How long the idle writer may sleep before {@link #pruneWhenDue()} has work: no wakeups in between. */
    private long untilPruneDue() {
        long left = PRUNE_EVERY.minus(Duration.between(lastPrune, clock.instant())).toMillis();
        return Math.clamp(left, 1, PRUNE_EVERY.toMillis());
    }

    /** Runs on the writer thread, so pruning never races a batch; at most every few minutes. */
    private void pruneWhenDue() {
        var now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = now;
            try {
                pruneNow(now);
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

    private long pruneNow(Instant now) throws SQLException {
        long deleted = 0;
        long cutoff = now.minus(retention).toEpochMilli();
        long minuteCutoff = now.minus(MINUTE_WINDOW).toEpochMilli();
        try (var statement = writer.createStatement()) {
            deleted += statement.executeUpdate("DELETE FROM bucket WHERE width = 60 AND start < " + minuteCutoff);
            deleted += statement.executeUpdate("DELETE FROM bucket WHERE width = 3600 AND start < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM transition WHERE at < " + cutoff);
            // Undelivered alerts are never pruned: a channel that comes back still gets them.
            deleted += statement.executeUpdate("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM sent_message WHERE closed_at IS NOT NULL AND closed_at < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM alert_mute WHERE until < " + now.toEpochMilli());
            for (var table : List.of("heartbeat_push", "alert_peak")) {
                deleted += statement.executeUpdate("DELETE FROM " + table + " WHERE entity IN (SELECT name FROM entity_state"
                        + " WHERE removed_at IS NOT NULL AND removed_at < " + cutoff + ")");
            }
            deleted += statement.executeUpdate("DELETE FROM entity_state WHERE removed_at IS NOT NULL AND removed_at < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM check_result WHERE at < " + minuteCutoff);
            // Keep only the newest raw results of each entity.
            deleted += statement.executeUpdate("DELETE FROM check_result WHERE rowid IN (SELECT id FROM "
                    + "(SELECT rowid AS id, row_number() OVER (PARTITION BY entity ORDER BY at DESC, rowid DESC) AS age"
                    + " FROM check_result) WHERE age > " + rawPerEntity + ")");
        }
        return deleted;
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

    private static Status status(String name) {
        return Status.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String json(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException corrupt) {
            return List.of();
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
