package dev.topowatch.checkers.heartbeat;

import dev.topowatch.checkers.support.MutableClock;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HeartbeatCheck;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatCheckerTest {
    private static final Instant START = Instant.parse("2026-03-03T06:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final HeartbeatRegistry registry = new HeartbeatRegistry(clock);
    private final HeartbeatChecker checker = new HeartbeatChecker(registry, clock);
    private final Entity backup = entity("nightly-backup", EntityType.HEARTBEAT,
            new HeartbeatCheck(Duration.ofMinutes(5), null));

    @Test
    void before_any_push_it_is_down_with_no_heartbeat_received_yet() {
        var result = checker.check(backup, Duration.ofSeconds(1));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("no heartbeat received yet");
    }

    @Test
    void a_recent_push_is_up_until_max_silence_passes() {
        registry.push("nightly-backup");
        clock.advance(Duration.ofMinutes(4));

        var fresh = checker.check(backup, Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(3).plusSeconds(12));
        var silent = checker.check(backup, Duration.ofSeconds(1));

        assertThat(fresh.status()).isEqualTo(Status.UP);
        assertThat(fresh.details()).containsEntry("silence", "4m").containsEntry("last_push", START.toString());
        assertThat(silent.status()).isEqualTo(Status.DOWN);
        assertThat(silent.error()).isEqualTo("no heartbeat for 7m12s (max_silence 5m)");
        assertThat(silent.at()).isEqualTo(START.plus(Duration.ofMinutes(7).plusSeconds(12)));
    }

    @Test
    void a_late_arriving_older_push_does_not_hide_a_newer_one() {
        registry.push("nightly-backup", START.plusSeconds(60));
        registry.push("nightly-backup", START);

        assertThat(registry.lastPush("nightly-backup")).contains(START.plusSeconds(60));
    }

    @Test
    void pushes_from_many_threads_keep_the_latest() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.rangeClosed(1, 1000).forEach(second ->
                    pool.submit(() -> registry.push("nightly-backup", START.plusSeconds(second))));
        }

        assertThat(registry.lastPush("nightly-backup")).contains(START.plusSeconds(1000));
    }

    @Test
    void a_forgotten_entity_starts_again_from_no_heartbeat() {
        registry.push("nightly-backup");
        registry.forget("nightly-backup");

        assertThat(checker.check(backup, Duration.ofSeconds(1)).error()).isEqualTo("no heartbeat received yet");
    }
}
