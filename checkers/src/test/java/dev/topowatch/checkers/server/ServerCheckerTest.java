package dev.topowatch.checkers.server;

import dev.topowatch.checkers.ping.PingChecker;
import dev.topowatch.checkers.tcp.TcpChecker;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.ServerCheck;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import static dev.topowatch.checkers.support.Entities.closedPort;
import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;

class ServerCheckerTest {
    private final Clock clock = Clock.systemUTC();
    private final ServerChecker checker = new ServerChecker(clock, new PingChecker(clock), new TcpChecker(clock));

    @Test
    void a_server_that_is_not_probed_is_up_and_says_so() {
        var result = checker.check(entity("vps-1", EntityType.SERVER, new ServerCheck(null, ServerCheck.Probe.NONE, 0)),
                Duration.ofSeconds(1));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("probe", "not probed");
    }

    @Test
    void a_server_probed_by_tcp_follows_its_port() throws Exception {
        try (var ssh = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            var up = checker.check(entity("vps-1", EntityType.SERVER,
                    new ServerCheck(ConfigText.literal("127.0.0.1"), ServerCheck.Probe.TCP, ssh.getLocalPort())), Duration.ofSeconds(2));
            var down = checker.check(entity("vps-2", EntityType.SERVER,
                    new ServerCheck(ConfigText.literal("127.0.0.1"), ServerCheck.Probe.TCP, closedPort())), Duration.ofSeconds(2));

            assertThat(up.status()).isEqualTo(Status.UP);
            assertThat(up.details()).containsEntry("probe", "tcp:" + ssh.getLocalPort());
            assertThat(down.status()).isEqualTo(Status.DOWN);
            assertThat(down.error()).isEqualTo("connection refused");
        }
    }

    @Test
    void a_server_probed_by_ping_answers_on_loopback() {
        var result = checker.check(entity("vps-1", EntityType.SERVER,
                new ServerCheck(ConfigText.literal("127.0.0.1"), ServerCheck.Probe.PING, 0)), Duration.ofSeconds(3));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("probe", "ping").containsKey("method");
    }
}
