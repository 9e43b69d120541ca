package dev.topowatch.checkers.database;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck;
import dev.topowatch.topology.check.DatabaseCheck.Engine;

import java.nio.file.Files;
import java.sql.Driver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a {@code database} entity over JDBC: PostgreSQL, MySQL/MariaDB and SQLite. It opens one
 * connection, read-only and in autocommit, runs the liveness {@code query}, then each {@code capture}
 * query for one value in {@code extra}, and closes the connection.
 *
 * <ul>
 *   <li><b>up</b>: connected and the liveness query ran (whether it returned rows or not);</li>
 *   <li><b>degraded</b>: the liveness query ran, but a capture query failed, returned no row or did not
 *       finish in time: the database serves, only a number on the board is missing, so it is not down.
 *       The values that were captured are kept;</li>
 *   <li><b>down</b>: no connection, a refused login, a failing liveness query, or no answer in time.</li>
 * </ul>
 *
 * <p>No connection pool, on purpose: what a health check has to prove is that a new client can
 * connect and log in now, which a pooled connection opened an hour ago does not. The drivers are named
 * by class and called directly rather than through {@link java.sql.DriverManager}, so that another
 * driver on the classpath cannot take the URL and no JVM-wide login timeout applies.
 *
 * <p>The timeout holds even against a server that accepts the TCP connection and never answers: every
 * driver gets connect and socket timeouts, every statement a query timeout, and the JDBC work runs on a
 * virtual thread that the checker abandons (interrupting it and aborting its connection) when the
 * deadline passes.
 */
public final class DatabaseChecker implements Checker {
    private static final int LONGEST_VALUE = 200;

    private final Clock clock;
    private final Map<String, Driver> drivers = new ConcurrentHashMap<>();

    /** @param clock gives each result's {@code at}; durations are measured on the monotonic clock */
    public DatabaseChecker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        if (!(entity.check() instanceof DatabaseCheck spec)) {
            return CheckResult.down(at, Duration.ZERO, "not a database entity: " + entity.type());
        }
        var redactor = Redactor.of(spec.password(), redactable(spec));
        try {
            var outcome = probe(spec, timeout, started);
            var latency = Duration.ofNanos(System.nanoTime() - started);
            var result = switch (outcome.status()) {
                case UP -> CheckResult.up(at, latency);
                case DEGRADED -> CheckResult.degraded(at, latency, redactor.redact(outcome.error()));
                default -> CheckResult.down(at, latency, redactor.redact(outcome.error()));
            };
            return result.withDetail("engine", spec.engine().name().toLowerCase(Locale.ROOT))
                    .withExtra(outcome.extra());
        } catch (RuntimeException unexpected) {
            // Never throws (Checker's contract): even a bug here is a down result that says what.
            return CheckResult.down(at, Duration.ofNanos(System.nanoTime() - started),
                    redactor.redact(SqlFailures.describe(unexpected, timeout.toMillis())));
        }
    }

    private Outcome probe(DatabaseCheck spec, Duration timeout, long started) {
        long timeoutMillis = timeout.toMillis();
        if (spec.engine() == Engine.SQLITE) {
            var file = JdbcTarget.sqliteFile(spec.url().value());
            if (file.isPresent() && !Files.exists(file.get())) {
                // Checked before opening: a read-only open would fail too, but with SQLite's vaguer
                // "unable to open database file", and a typo in a path must never create a file.
                return Outcome.down("database file not found: " + shownPath(spec.url()));
            }
        }
        var target = JdbcTarget.of(spec, timeout);
        var driver = driver(target.driverClass());
        long deadline = started + timeout.toNanos();
        var session = new JdbcSession(driver, target, spec, deadline, timeoutMillis);
        var task = new FutureTask<>(session::run);
        var worker = Thread.ofVirtual().name("topowatch-database-check").start(task);
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            // Taken before abandoning: the interrupted worker moves on, and would blur how far it got.
            var outcome = session.timedOut();
            session.abandon(worker);
            return outcome;
        } catch (InterruptedException interrupted) {
            session.abandon(worker);
            Thread.currentThread().interrupt();
            return Outcome.down("check interrupted");
        } catch (ExecutionException failed) {
            return Outcome.down(SqlFailures.describe(failed.getCause(), timeoutMillis));
        }
    }

    private Driver driver(String className) {
        return drivers.computeIfAbsent(className, name -> {
            try {
                return (Driver) Class.forName(name).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError missing) {
                throw new IllegalStateException("JDBC driver " + name + " is not on the classpath", missing);
            }
        });
    }

    private static ConfigText[] redactable(DatabaseCheck spec) {
        var texts = new ArrayList<ConfigText>();
        texts.add(spec.url());
        texts.add(spec.username());
        texts.add(spec.query());
        texts.addAll(spec.capture().values());
        return texts.toArray(ConfigText[]::new);
    }

    /** The file part of a SQLite URL as written ({@code ${VAR}} unexpanded), for the error. */
    private static String shownPath(ConfigText url) {
        var shown = url.toString().strip();
        var prefix = "jdbc:sqlite:";
        return shown.regionMatches(true, 0, prefix, 0, prefix.length()) ? shown.substring(prefix.length()) : shown;
    }

    /** A captured value as it fits on one line of the board. */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        var line = value.strip().replaceAll("\\s+", " ");
        return line.length() <= LONGEST_VALUE ? line : line.substring(0, LONGEST_VALUE) + "...";
    }

    /** What the JDBC work found: a status, why (unless up), and the captured values. */
    record Outcome(Status status, String error, Map<String, String> extra) {
        Outcome {
            extra = Map.copyOf(extra);
        }

        static Outcome down(String why) {
            return new Outcome(Status.DOWN, why, Map.of());
        }
    }
}
