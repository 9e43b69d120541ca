package dev.topowatch.checkers.tcp;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.checkers.internal.Redactor;
import dev.topowatch.checkers.internal.Stopwatch;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.TcpCheck;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** {@code type: tcp}: up when a TCP connection to {@code host:port} opens within the timeout. */
public final class TcpChecker implements Checker {
    private final Clock clock;

    public TcpChecker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof TcpCheck tcp)) {
            throw new IllegalArgumentException("not a tcp entity: " + entity.name());
        }
        return connect(tcp.host(), tcp.port(), timeout);
    }

    /** Opens and closes one connection; also the {@code tcp:PORT} probe of a server. */
    public CheckResult connect(ConfigText host, int port, Duration timeout) {
        var watch = Stopwatch.start(clock);
        var target = host + ":" + port;
        try (var socket = new Socket()) {
            // The resolution inside InetSocketAddress is not bounded by the connect timeout; the
            // scheduler's hard deadline is what bounds a resolver that hangs.
            socket.connect(new InetSocketAddress(host.value(), port), timeoutMillis(timeout));
            return CheckResult.up(watch.at(), watch.elapsed()).withDetail("target", target);
        } catch (IOException failure) {
            return CheckResult.down(watch.at(), watch.elapsed(), Failures.describe(failure, timeout, Redactor.of(host)))
                    .withDetail("target", target);
        } catch (IllegalArgumentException badAddress) {
            return CheckResult.down(watch.at(), watch.elapsed(), "not a valid host and port: " + target);
        }
    }

    private static int timeoutMillis(Duration timeout) {
        // 0 would mean "wait forever" to Socket.connect.
        return Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }
}
