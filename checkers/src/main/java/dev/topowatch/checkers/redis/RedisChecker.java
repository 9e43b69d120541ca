package dev.topowatch.checkers.redis;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.RedisCheck;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a {@code redis} entity by speaking RESP over a plain socket, with no client library: a client
 * library brings a pool, retries and reconnects, all of which a health check has to prove work without.
 *
 * <p>It sends {@code AUTH} (when the URL has a password), {@code SELECT} (when the database is not 0),
 * {@code PING} expecting {@code PONG}, and, when the entity captures anything, {@code INFO}, whose fields
 * are copied into {@code extra}.
 *
 * <ul>
 *   <li><b>up</b>: {@code PONG}, and every captured field found;</li>
 *   <li><b>degraded</b>: {@code PONG}, but {@code INFO} failed or lacks a captured field;</li>
 *   <li><b>down</b>: no connection, no {@code PONG}, or the server's refusal in its own words
 *       ({@code NOAUTH Authentication required}, {@code WRONGPASS ...}), or no answer in time.</li>
 * </ul>
 *
 * <p>Connecting and every read are bounded by what is left of the timeout.
 */
public final class RedisChecker implements Checker {
    private static final int LONGEST_ERROR = 200;
    private static final int LONGEST_VALUE = 200;

    private final Clock clock;

    /** @param clock gives each result's {@code at}; durations are measured on the monotonic clock */
    public RedisChecker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        if (!(entity.check() instanceof RedisCheck spec)) {
            return CheckResult.down(at, Duration.ZERO, "not a redis entity: " + entity.type());
        }
        long deadline = started + timeout.toNanos();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(spec.host(), spec.port()), remainingMillis(deadline));
            socket.setTcpNoDelay(true);
            var redis = new RespConnection(socket, deadline);
            if (spec.password() != null) {
                redis.command("AUTH", spec.password().reveal());
            }
            if (spec.database() != 0) {
                redis.command("SELECT", Integer.toString(spec.database()));
            }
            var pong = redis.command("PING");
            if (!"PONG".equals(pong)) {
                return CheckResult.down(at, since(started), "expected PONG, got " + clean(String.valueOf(pong), spec));
            }
            if (spec.capture().isEmpty()) {
                return CheckResult.up(at, since(started));
            }
            return captured(spec, redis, at, started, timeout);
        } catch (IOException | RuntimeException failure) {
            return CheckResult.down(at, since(started), clean(describe(failure, timeout, spec), spec));
        }
    }

    /** PING passed: whatever goes wrong from here on is degraded, with the fields that were found. */
    private static CheckResult captured(RedisCheck spec, RespConnection redis, Instant at, long started,
                                        Duration timeout) {
        String info;
        try {
            info = redis.command("INFO");
        } catch (IOException | RuntimeException failure) {
            return CheckResult.degraded(at, since(started), "INFO failed: " + clean(describe(failure, timeout, spec), spec));
        }
        var fields = info == null ? Map.<String, String>of() : infoFields(info);
        var extra = new LinkedHashMap<String, String>();
        var missing = new ArrayList<String>();
        for (var capture : new TreeMap<>(spec.capture()).entrySet()) {
            var value = fields.get(capture.getValue());
            if (value == null) {
                missing.add("'" + capture.getValue() + "'");
            } else {
                extra.put(capture.getKey(), shown(value));
            }
        }
        var result = missing.isEmpty()
                ? CheckResult.up(at, since(started))
                : CheckResult.degraded(at, since(started), "INFO has no field " + String.join(", ", missing));
        return result.withExtra(extra);
    }

    /** {@code INFO}'s {@code field:value} lines; section headers ({@code # Memory}) and blanks skipped. */
    static Map<String, String> infoFields(String info) {
        var fields = new HashMap<String, String>();
        info.lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        });
        return fields;
    }

    private static String describe(Throwable failure, Duration timeout, RedisCheck spec) {
        return switch (failure) {
            case SocketTimeoutException late -> "timeout after " + timeout.toMillis() + " ms";
            case ConnectException refused when refused.getMessage() == null
                    || refused.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused") -> "connection refused";
            case NoRouteToHostException unreachable -> "no route to host";
            case UnknownHostException unknown -> "unknown host in " + spec.url();
            case EOFException closed -> "connection closed by the server";
            // A reset (RST) is told apart from an orderly close, as the api checker does: a server that
            // resets is usually crashing or refusing at the application level, one that closes is not.
            case SocketException reset when reset.getMessage() != null && reset.getMessage().contains("reset") ->
                    "connection reset";
            case SocketException closed when closed.getMessage() != null && closed.getMessage().contains("Broken pipe") ->
                    "connection closed by the server";
            case RespConnection.ServerError said -> withoutFinalStop(said.getMessage());
            case RespConnection.ProtocolError garbled -> garbled.getMessage();
            default -> failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        };
    }

    /** Redis ends some errors with a full stop ({@code NOAUTH Authentication required.}); a status line does not. */
    private static String withoutFinalStop(String line) {
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** One line, bounded, and never the password (a server may echo a command back in an error). */
    private static String clean(String message, RedisCheck spec) {
        var line = message.strip().replaceAll("\\s+", " ");
        if (spec.password() != null && !spec.password().reveal().isEmpty()) {
            line = line.replace(spec.password().reveal(), "******");
        }
        // The server's own words (an -ERR line, a wrong PING reply) may hold ESC, BEL or NUL bytes: they
        // must not reach the board, a log line or a terminal as they are.
        return Failures.printable(line, LONGEST_ERROR);
    }

    private static String shown(String value) {
        return value.length() <= LONGEST_VALUE ? value : value.substring(0, LONGEST_VALUE) + "...";
    }

    private static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long millis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (millis <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
