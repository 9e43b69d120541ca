package dev.topowatch.checkers.tcp;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.TcpCheck;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.topowatch.checkers.support.Entities.closedPort;
import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;

class TcpCheckerTest {
    private static final Instant NOW = Instant.parse("2026-03-03T06:37:24Z");
    private final TcpChecker checker = new TcpChecker(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void listening_port_is_up_and_stamped_by_the_injected_clock() throws Exception {
        try (var listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            var result = checker.check(entity("db-port", EntityType.TCP,
                    new TcpCheck(ConfigText.literal("127.0.0.1"), listening.getLocalPort())), Duration.ofSeconds(2));

            assertThat(result.status()).isEqualTo(Status.UP);
            assertThat(result.at()).isEqualTo(NOW);
            assertThat(result.details()).containsEntry("target", "127.0.0.1:" + listening.getLocalPort());
        }
    }

    @Test
    void unreachable_port_is_reported_down() {
        var port = closedPort();

        var result = checker.check(entity("db-port", EntityType.TCP, new TcpCheck(ConfigText.literal("127.0.0.1"), port)),
                Duration.ofSeconds(2));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void a_host_from_the_environment_is_shown_as_written() {
        var result = checker.connect(ConfigText.of("${DB_HOST}", "127.0.0.1"), closedPort(), Duration.ofSeconds(2));

        assertThat(result.details().get("target")).startsWith("${DB_HOST}:");
        assertThat(result.toString()).doesNotContain("127.0.0.1");
    }
}
