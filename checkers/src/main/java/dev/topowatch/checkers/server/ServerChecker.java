package dev.topowatch.checkers.server;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.ping.PingChecker;
import dev.topowatch.checkers.tcp.TcpChecker;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.ServerCheck;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** {@code type: server}: probed as its {@code check} says, by one ping, a TCP connect, or not at all. */
public final class ServerChecker implements Checker {
    private final Clock clock;
    private final PingChecker ping;
    private final TcpChecker tcp;

    public ServerChecker(Clock clock, PingChecker ping, TcpChecker tcp) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ping = Objects.requireNonNull(ping, "ping");
        this.tcp = Objects.requireNonNull(tcp, "tcp");
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof ServerCheck server)) {
            throw new IllegalArgumentException("not a server entity: " + entity.name());
        }
        return switch (server.probe()) {
            case PING -> ping.ping(server.host(), 1, timeout).withDetail("probe", "ping");
            case TCP -> tcp.connect(server.host(), server.port(), timeout).withDetail("probe", "tcp:" + server.port());
            // check: none means "draw it, hold its services": it is up as far as we can tell.
            case NONE -> CheckResult.up(clock.instant(), Duration.ZERO).withDetail("probe", "not probed");
        };
    }
}
