package dev.topowatch.checkers.database;

import dev.topowatch.checkers.internal.Failures;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a JDBC driver threw into one line a person can act on: {@code connection refused},
 * {@code timeout after 2000 ms}, {@code password authentication failed for user "app"}. The drivers'
 * own decorations (severity words, connection ids, SQLite result codes, stack-trace-like second lines)
 * are taken off; the caller redacts secrets.
 */
final class SqlFailures {
    private static final int LONGEST = 300;
    /** Statement cancelled by its timeout: PostgreSQL {@code 57014}, MariaDB/MySQL {@code 70100}. */
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "70100");
    /** pgjdbc: {@code FATAL: ...}, {@code ERROR: ...}. */
    private static final Pattern SEVERITY = Pattern.compile("^(?:FATAL|ERROR|PANIC|WARNING):\\s+");
    /** MariaDB driver: {@code (conn=12) ...}. */
    private static final Pattern CONNECTION_ID = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    /** sqlite-jdbc: {@code [SQLITE_ERROR] SQL error or missing database (no such table: x)}. */
    private static final Pattern SQLITE = Pattern.compile("^\\[SQLITE_[A-Z_]+]\\s+[^(]*\\((.*)\\)$", Pattern.DOTALL);

    private SqlFailures() {
    }

    static String timeout(long millis) {
        return "timeout after " + millis + " ms";
    }

    static String describe(Throwable failure, long timeoutMillis) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof SQLTimeoutException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && TIMEOUT_STATES.contains(sql.getSQLState())) {
                return timeout(timeoutMillis);
            }
        }
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                var message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
                return message.contains("refused") || message.isEmpty() ? "connection refused" : oneLine(message);
            }
            if (cause instanceof BoundedPostgresSockets.MessageTooLarge tooLarge) {
                return tooLarge.getMessage();
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
            // pgjdbc says only "The connection attempt failed." and MariaDB's driver quotes host and
            // port around it: say what happened, in the api and redis checkers' words.
            if (cause instanceof SocketException && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(Locale.ROOT).contains("connection reset")) {
                return "connection reset";
            }
        }
        return oneLine(plain(failure));
    }

    /** The failure's own message without the driver's decoration, or its type when it has none. */
    private static String plain(Throwable failure) {
        var message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        var sqlite = SQLITE.matcher(message.strip());
        if (sqlite.matches()) {
            return sqlite.group(1);
        }
        var line = message.strip().lines().findFirst().orElse("");
        line = CONNECTION_ID.matcher(line).replaceFirst("");
        return SEVERITY.matcher(line).replaceFirst("");
    }

    /** One line, no control characters, bounded. */
    static String oneLine(String text) {
        var line = text.strip().replaceAll("\\s+", " ");
        // A server's error message is its own bytes: ESC, BEL and the like must not reach the board,
        // a log line or a terminal as they are (HostileDatabaseTargetsTest).
        return Failures.printable(line, LONGEST);
    }
}
