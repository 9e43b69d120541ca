package dev.topowatch.checkers.heartbeat;

import dev.topowatch.checkers.CheckResult;
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

    private CheckResult check() {
        return check(checker);
    }

    private CheckResult check(HeartbeatChecker with) {
        return with.check(backup, Duration.ofSeconds(1));
    }

    @Test
    void before_any_push_it_is_pending_until_max_silence_has_passed_since_the_board_started() {
        clock.advance(Duration.ofMinutes(5));
        var waiting = check();
        clock.advance(Duration.ofSeconds(1));
        var silent = check();

        assertThat(waiting.isPending()).isTrue();
        assertThat(waiting.status()).isEqualTo(Status.UNKNOWN);
        assertThat(waiting.error()).isEqualTo("waiting for a push: down if none arrives by 2026-03-03T06:05:00Z (max_silence 5m)");
        assertThat(silent.status()).isEqualTo(Status.DOWN);
        assertThat(silent.error()).isEqualTo("no heartbeat received in the 5m1s since the board started listening (max_silence 5m)");
    }

    @Test
    void a_recent_push_is_up_until_max_silence_passes() {
        registry.push("nightly-backup", Push.up(START));
        clock.advance(Duration.ofMinutes(4));

        var fresh = check();
        clock.advance(Duration.ofMinutes(3).plusSeconds(12));
        var silent = check();

        assertThat(fresh.status()).isEqualTo(Status.UP);
        assertThat(fresh.details()).containsEntry("silence", "4m").containsEntry("last_push", START.toString());
        assertThat(silent.status()).isEqualTo(Status.DOWN);
        assertThat(silent.error()).isEqualTo("no heartbeat for 7m12s (max_silence 5m)");
        assertThat(silent.at()).isEqualTo(START.plus(Duration.ofMinutes(7).plusSeconds(12)));
    }

    @Test
    void after_a_restart_the_last_push_still_counts_and_silence_is_judged_from_the_restart() {
        var restartedAt = START.plus(Duration.ofMinutes(4));
        var restarted = new HeartbeatRegistry(restartedAt);
        restarted.push("nightly-backup", Push.up(START));
        var checkerAfterRestart = new HeartbeatChecker(restarted, clock);

        clock.advance(Duration.ofMinutes(4).plusSeconds(30));
        var stillUp = check(checkerAfterRestart);
        clock.advance(Duration.ofMinutes(4));
        var waiting = check(checkerAfterRestart);
        clock.advance(Duration.ofSeconds(31));
        var silent = check(checkerAfterRestart);

        assertThat(stillUp.status()).isEqualTo(Status.UP);
        assertThat(waiting.isPending()).as("8m30s since the push, but only 4m30s since the restart").isTrue();
        assertThat(silent.status()).isEqualTo(Status.DOWN);
        assertThat(silent.error()).isEqualTo("no heartbeat for 9m1s (max_silence 5m)");
    }

    @Test
    void a_down_push_is_down_at_once_with_the_jobs_message_and_measured_latency() {
        registry.push("nightly-backup", new Push(START, Status.DOWN, "disk full", Duration.ofMillis(12)));

        var result = check();

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("disk full");
        assertThat(result.latency()).isEqualTo(Duration.ofMillis(12));
    }

    @Test
    void a_down_push_without_a_message_says_the_job_pushed_down() {
        registry.push("nightly-backup", new Push(START, Status.DOWN, null, null));

        assertThat(check().error()).isEqualTo("the job pushed status=down");
    }

    @Test
    void an_up_push_shows_its_message_as_extra_and_its_ping_as_latency() {
        registry.push("nightly-backup", new Push(START, Status.UP, "3 files, 1.2 GB", Duration.ofMillis(250)));

        var result = check();

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.extra()).containsEntry("message", "3 files, 1.2 GB");
        assertThat(result.latency()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_heartbeat_added_to_a_running_board_gets_its_max_silence_from_then() {
        clock.advance(Duration.ofHours(1));
        registry.listenFrom("nightly-backup", clock.instant());
        clock.advance(Duration.ofMinutes(4));

        assertThat(check().isPending()).isTrue();
    }

    @Test
    void a_late_arriving_older_push_does_not_hide_a_newer_one() {
        registry.push("nightly-backup", Push.up(START.plusSeconds(60)));
        registry.push("nightly-backup", Push.up(START));

        assertThat(registry.lastPush("nightly-backup")).map(Push::at).contains(START.plusSeconds(60));
    }

    @Test
    void pushes_from_many_threads_keep_the_latest() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.rangeClosed(1, 1000).forEach(second ->
                    pool.submit(() -> registry.push("nightly-backup", Push.up(START.plusSeconds(second)))));
        }

        assertThat(registry.lastPush("nightly-backup")).map(Push::at).contains(START.plusSeconds(1000));
    }

    @Test
    void a_forgotten_entity_starts_again_from_no_heartbeat() {
        registry.push("nightly-backup", Push.up(START));
        registry.forget("nightly-backup");
        clock.advance(Duration.ofMinutes(6));

        assertThat(check().error()).startsWith("no heartbeat received in the 6m");
    }
}
