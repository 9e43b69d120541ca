package dev.topowatch.checkers.database;

import dev.topowatch.checkers.database.DatabaseChecker.Outcome;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck;
import dev.topowatch.topology.check.DatabaseCheck.Engine;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDBC work of one check, run on a virtual thread of its own: connect, the liveness query, the
 * capture queries. It records how far it got, so that when the checker's deadline passes first the
 * result can still say whether the database answered (degraded: a capture was slow) or not (down).
 */
final class JdbcSession {
    private final Driver driver;
    private final JdbcTarget target;
    private final DatabaseCheck spec;
    private final long deadlineNanos;
    private final long timeoutMillis;

    private final Map<String, String> captured = new ConcurrentHashMap<>();
    private volatile Connection connection;
    private volatile Statement statement;
    private volatile boolean alive;
    private volatile String capturing;
    private volatile boolean abandoned;

    JdbcSession(Driver driver, JdbcTarget target, DatabaseCheck spec, long deadlineNanos, long timeoutMillis) {
        this.driver = driver;
        this.target = target;
        this.spec = spec;
        this.deadlineNanos = deadlineNanos;
        this.timeoutMillis = timeoutMillis;
    }

    Outcome run() {
        Connection opened = null;
        try {
            opened = driver.connect(target.url(), target.properties());
            if (opened == null) {
                return Outcome.down("the " + target.engine().name().toLowerCase(java.util.Locale.ROOT)
                        + " driver does not accept this URL");
            }
            connection = opened;
            if (abandoned) {
                return Outcome.down(SqlFailures.timeout(timeoutMillis));
            }
            if (target.engine() != Engine.SQLITE) {
                // SQLite is opened read-only instead: its driver refuses to change the flag once open.
                opened.setReadOnly(true);
            }
            opened.setAutoCommit(true);
            runLiveness(opened);
            alive = true;
            return captureAll(opened);
        } catch (Exception | LinkageError failure) {
            return Outcome.down(SqlFailures.describe(failure, timeoutMillis));
        } finally {
            closeQuietly(opened);
        }
    }

    private void runLiveness(Connection opened) throws SQLException {
        try (var liveness = statement(opened)) {
            if (liveness.execute(spec.query().value())) {
                try (var rows = liveness.getResultSet()) {
                    rows.next();
                }
            }
        }
    }

    private Outcome captureAll(Connection opened) {
        var failures = new ArrayList<String>();
        for (var capture : new TreeMap<>(spec.capture()).entrySet()) {
            if (abandoned) {
                break;
            }
            capturing = capture.getKey();
            try (var query = statement(opened); var rows = query.executeQuery(capture.getValue().value())) {
                if (rows.next()) {
                    captured.put(capture.getKey(), DatabaseChecker.shown(rows.getString(1)));
                } else {
                    failures.add("capture '" + capture.getKey() + "' returned no row");
                }
            } catch (Exception failure) {
                failures.add("capture '" + capture.getKey() + "' failed: "
                        + SqlFailures.describe(failure, timeoutMillis));
            }
        }
        capturing = null;
        return failures.isEmpty()
                ? new Outcome(Status.UP, null, captured)
                : new Outcome(Status.DEGRADED, String.join("; ", failures), captured);
    }

    private Statement statement(Connection opened) throws SQLException {
        var created = opened.createStatement();
        statement = created;
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        // Whole seconds, rounded up (0 would mean no limit); the checker's deadline is the exact one.
        created.setQueryTimeout((int) Math.max(1, (remainingMillis + 999) / 1000));
        created.setMaxRows(1);
        return created;
    }

    /** The checker's deadline passed: what can be said, from how far the work got. */
    Outcome timedOut() {
        var timeout = SqlFailures.timeout(timeoutMillis);
        if (!alive) {
            return Outcome.down(timeout);
        }
        var during = capturing;
        return new Outcome(Status.DEGRADED,
                during == null ? timeout : "capture '" + during + "' failed: " + timeout, captured);
    }

    /**
     * Gives up on the work without waiting for it: interrupts the worker (a virtual thread blocked on a
     * socket is woken by closing it) and aborts the connection or cancels the statement, on a thread of
     * its own so that a slow cancel never holds up the check.
     */
    void abandon(Thread worker) {
        abandoned = true;
        worker.interrupt();
        var open = connection;
        var running = statement;
        if (open == null && running == null) {
            return;
        }
        Thread.ofVirtual().name("topowatch-database-abandon").start(() -> {
            try {
                if (target.engine() == Engine.SQLITE) {
                    // sqlite3_interrupt: stops a long query in the native library; the worker then closes.
                    if (running != null) {
                        running.cancel();
                    }
                } else if (open != null) {
                    open.abort(Runnable::run);
                }
            } catch (SQLException | RuntimeException ignored) {
                // Best effort: the worker's own socket timeout and its finally block close it anyway.
            }
        });
    }

    private static void closeQuietly(Connection opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (SQLException | RuntimeException ignored) {
            // The check's outcome is known; a connection that fails to close has nothing to add.
        }
    }
}
