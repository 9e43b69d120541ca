package dev.topowatch.checkers.ping;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.PingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PingCheckerTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void the_system_ping_reaches_loopback_and_reports_rtt_and_loss() {
        var binary = PingChecker.findPing();
        // Without a ping binary a developer's machine skips this; CI must have one, so there it fails.
        assumeTrue(binary.isPresent() || "true".equals(System.getenv("CI")), "no ping binary on this machine");

        var result = new PingChecker(clock).check(entity("gateway", EntityType.PING,
                new PingCheck(ConfigText.literal("127.0.0.1"), 2)), Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("method", "icmp").containsEntry("packet_loss", "0%")
                .containsKey("rtt_avg_ms");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void without_a_ping_binary_the_jdk_probe_runs_and_says_so() {
        var result = new PingChecker(clock, Optional.empty()).check(entity("gateway", EntityType.PING,
                new PingCheck(ConfigText.literal("127.0.0.1"), 1)), Duration.ofSeconds(2));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("method", "isReachable");
    }

    @Test
    void a_ping_that_hangs_is_killed_at_the_timeout(@TempDir Path directory) throws Exception {
        // Stands in for a ping stuck on a resolver: a binary that never ends, and ignores SIGTERM.
        var stuck = directory.resolve("ping");
        Files.writeString(stuck, "#!/bin/sh\ntrap '' TERM\necho $$ > " + directory.resolve("pid") + "\nsleep 30\n");
        Files.setPosixFilePermissions(stuck, PosixFilePermissions.fromString("rwx------"));
        long started = System.nanoTime();

        var result = new PingChecker(clock, Optional.of(stuck)).check(entity("gateway", EntityType.PING,
                new PingCheck(ConfigText.literal("127.0.0.1"), 1)), Duration.ofMillis(700));
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("timeout after 700 ms");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        var pid = Long.parseLong(Files.readString(directory.resolve("pid")).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void a_host_that_looks_like_an_option_is_refused() {
        var result = new PingChecker(clock).check(entity("gateway", EntityType.PING,
                new PingCheck(ConfigText.literal("-f"), 1)), Duration.ofSeconds(1));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("not a valid host: -f");
    }
}
