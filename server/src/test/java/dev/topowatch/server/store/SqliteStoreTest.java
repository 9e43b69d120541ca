package dev.topowatch.server.store;

import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.engine.Transition;
import dev.topowatch.server.outbox.OutboxMessage;
import dev.topowatch.server.outbox.SentMessage;
import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteStoreTest {
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-03-03T06:00:00Z");
    private SqliteStore store;

    private SqliteStore open() throws Exception {
        store = new SqliteStore(directory.resolve("topowatch.db"), clock, RETENTION, 10);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static EntityState state(String name, Status status, long successes, long failures) {
        return EntityState.fresh(name)
                .withStatus(status, Instant.parse("2026-03-03T05:00:00Z"))
                .withLastCheck(Instant.parse("2026-03-03T06:00:00Z"), Duration.ofMillis(42), failures > 0 ? "connection refused" : null,
                        Map.of("size", "1.2 GB"))
                .withCounts(successes, failures, 3)
                .withStreaks(failures > 0 ? 2 : 0, 0)
                .withFlapping(false, "UUF")
                .withCause(List.of("db"), List.of("db"));
    }

    private RecordedCheck check(String entity, Status outcome, long latencyMillis) {
        return new RecordedCheck(entity, clock.instant(), outcome, false, Duration.ofMillis(latencyMillis),
                outcome == Status.DOWN ? "refused" : null);
    }

    @Test
    void state_and_transitions_survive_a_restart() throws Exception {
        open();
        var api = state("api", Status.BLOCKED, 1467, 1973);
        store.recordCheck(check("api", Status.DOWN, 5003), api);
        store.recordTransition(new Transition(0, "api", Status.UP, Status.BLOCKED, clock.instant(), "blocked by db", List.of("db")), api);
        store.close();

        var reopened = open();

        assertThat(reopened.loadStates()).containsEntry("api", api);
        assertThat(reopened.transitions("api", 10, null)).singleElement().satisfies(transition -> {
            assertThat(transition.id()).isPositive();
            assertThat(transition.to()).isEqualTo(Status.BLOCKED);
            assertThat(transition.rootCause()).containsExactly("db");
            assertThat(transition.reason()).isEqualTo("blocked by db");
        });
    }

    @Test
    void many_queued_writes_go_in_few_transactions() throws Exception {
        open();
        long before = store.transactions();
        for (int i = 0; i < 5_000; i++) {
            store.recordCheck(check("e" + (i % 100), Status.UP, 10), state("e" + (i % 100), Status.UP, i, 0));
        }
        store.flush();

        assertThat(store.transactions() - before).isLessThan(50);
        assertThat(store.loadStates()).hasSize(100);
    }

    @Test
    void history_by_minute_counts_failures_and_blocked_apart() throws Exception {
        open();
        var start = clock.instant();
        for (int minute = 0; minute < 3; minute++) {
            for (int second = 0; second < 60; second += 10) {
                boolean fail = minute == 1 && second < 30;
                boolean blocked = minute == 2 && second == 0;
                store.recordCheck(new RecordedCheck("db", clock.instant(), fail || blocked ? Status.DOWN : Status.UP, blocked,
                        Duration.ofMillis(100 + second), fail || blocked ? "refused" : null), state("db", Status.UP, 1, 0));
                clock.advance(Duration.ofSeconds(10));
            }
        }
        store.flush();

        var points = store.history("db", start, clock.instant(), Duration.ofMinutes(1));

        assertThat(points).hasSize(3);
        assertThat(points).extracting(HistoryPoint::count).containsExactly(6L, 6L, 6L);
        assertThat(points).extracting(HistoryPoint::failures).containsExactly(0L, 3L, 0L);
        assertThat(points).extracting(HistoryPoint::blocked).containsExactly(0L, 0L, 1L);
        assertThat(points.getFirst().latencyMin()).isEqualTo(Duration.ofMillis(100));
        assertThat(points.getFirst().latencyMax()).isEqualTo(Duration.ofMillis(150));
        assertThat(points.getFirst().latencyAvg()).isEqualTo(Duration.ofMillis(125));
    }

    @Test
    void the_95th_percentile_is_within_the_sketch_accuracy() throws Exception {
        open();
        var start = clock.instant();
        for (int i = 1; i <= 1000; i++) {
            store.recordCheck(check("api", Status.UP, i), state("api", Status.UP, i, 0));
        }
        store.flush();

        var hour = store.history("api", start, start.plus(Duration.ofHours(1)), Duration.ofHours(1));

        assertThat(hour).singleElement().satisfies(point -> {
            assertThat(point.count()).isEqualTo(1000);
            assertThat(point.latencyP95().toMillis()).isBetween(950L - 48, 950L + 48);
        });
    }

    @Test
    void raw_results_are_capped_per_entity_and_fine_history_reads_them() throws Exception {
        open();
        var start = clock.instant();
        for (int i = 0; i < 25; i++) {
            store.recordCheck(check("api", Status.UP, i), state("api", Status.UP, i, 0));
            clock.advance(Duration.ofSeconds(1));
        }
        store.prune(clock.instant());

        assertThat(store.recentChecks("api", 100)).hasSize(10).first().satisfies(newest ->
                assertThat(newest.latency()).isEqualTo(Duration.ofMillis(24)));
        assertThat(store.history("api", start, clock.instant(), Duration.ofSeconds(5))).isNotEmpty()
                .allSatisfy(point -> assertThat(point.count()).isPositive());
    }

    @Test
    void retention_prunes_old_buckets_and_transitions() throws Exception {
        open();
        var old = clock.instant();
        store.recordCheck(check("api", Status.UP, 5), state("api", Status.UP, 1, 0));
        store.recordTransition(new Transition(0, "api", Status.UNKNOWN, Status.UP, old, "check passes", List.of()), state("api", Status.UP, 1, 0));
        store.flush();

        clock.advance(Duration.ofDays(3));
        store.prune(clock.instant());
        assertThat(rows("SELECT count(*) FROM bucket WHERE width = 60")).as("minute buckets: 48 h").isZero();
        assertThat(store.history("api", old, old.plus(Duration.ofHours(1)), Duration.ofHours(1))).as("hour buckets: retention").hasSize(1);

        clock.advance(RETENTION);
        store.prune(clock.instant());
        assertThat(store.history("api", old, old.plus(Duration.ofHours(1)), Duration.ofHours(1))).isEmpty();
        assertThat(store.transitions(null, 10, null)).isEmpty();
    }

    @Test
    void a_transition_queued_behind_full_batches_of_checks_does_not_wait_for_the_linger() throws Exception {
        open();
        // Three full batches and half of one: the transition is left behind the third, its wake-up
        // already spent, with only checks in front of it.
        for (int i = 0; i < 3_500; i++) {
            store.recordCheck(check("e" + i % 50, Status.UP, 5), state("e" + i % 50, Status.UP, i, 0));
        }
        store.recordTransition(new Transition(0, "e1", Status.UP, Status.DOWN, clock.instant(), "refused", List.of()),
                state("e1", Status.DOWN, 1, 1));
        long started = System.nanoTime();
        while (rows("SELECT count(*) FROM transition") == 0 && System.nanoTime() - started < SqliteStore.LINGER.toNanos() * 2) {
            Thread.sleep(20);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("committed at once, not after the checks' linger")
                .isLessThan(SqliteStore.LINGER.minusSeconds(1));
    }

    @Test
    void a_removed_entity_is_kept_within_retention_and_resumed_when_it_returns() throws Exception {
        open();
        store.recordCheck(check("old", Status.UP, 5), state("old", Status.UP, 500, 2));
        store.markRemoved("old", clock.instant());
        store.flush();
        clock.advance(Duration.ofDays(10));
        store.prune(clock.instant());

        assertThat(store.loadStates()).containsKey("old");
        store.recordCheck(check("old", Status.UP, 5), state("old", Status.UP, 501, 2));
        store.flush();
        clock.advance(RETENTION.plusDays(1));
        store.prune(clock.instant());
        assertThat(store.loadStates()).as("back in the topology: no longer marked removed").containsKey("old");

        store.markRemoved("old", clock.instant());
        store.flush();
        clock.advance(RETENTION.plusDays(1));
        store.prune(clock.instant());
        assertThat(store.loadStates()).doesNotContainKey("old");
    }

    @Test
    void the_last_push_of_each_heartbeat_survives_a_restart_and_an_older_one_never_replaces_it() throws Exception {
        open();
        var pushed = new Push(clock.instant(), Status.DOWN, "disk full", Duration.ofMillis(12));
        store.recordPush("backup", Push.up(clock.instant().minusSeconds(60)));
        store.recordPush("backup", pushed);
        store.recordPush("backup", Push.up(clock.instant().minusSeconds(30)));
        store.recordPush("nightly", Push.up(clock.instant()));
        store.close();

        var reopened = open();

        assertThat(reopened.lastPushes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "backup", pushed, "nightly", Push.up(clock.instant())));
    }

    @Test
    void the_push_of_a_heartbeat_removed_for_longer_than_the_retention_goes_with_its_state() throws Exception {
        open();
        store.recordCheck(check("backup", Status.UP, 0), state("backup", Status.UP, 1, 0));
        store.recordPush("backup", Push.up(clock.instant()));
        store.markRemoved("backup", clock.instant());
        store.flush();
        clock.advance(RETENTION.plusDays(1));

        store.prune(clock.instant());

        assertThat(store.lastPushes()).isEmpty();
    }

    @Test
    void a_sent_message_is_kept_with_its_delivery_edited_in_place_and_pruned_once_closed_for_longer_than_the_retention() throws Exception {
        open();
        store.recordAlerts(List.of(OutboxMessage.of("telegram:42", "down", "db", clock.instant(), "{}")));
        store.flush();
        var id = store.pendingAlerts("telegram:42", 10).getFirst().id();
        store.alertsDelivered(List.of(id), clock.instant(), List.of(new SentMessage("telegram:42", 7, "blocks 3")));
        store.messageEdited(new SentMessage("telegram:42", 7, "blocks 9"), clock.instant());
        store.close();

        var reopened = open();
        assertThat(reopened.pendingAlerts("telegram:42", 10)).isEmpty();
        assertThat(reopened.editableMessages("telegram:42")).containsExactly(new SentMessage("telegram:42", 7, "blocks 9"));
        assertThat(reopened.editableMessages("telegram:43")).isEmpty();

        reopened.messageClosed("telegram:42", 7, clock.instant());
        reopened.flush();
        assertThat(reopened.editableMessages("telegram:42")).isEmpty();
        clock.advance(RETENTION.plusDays(1));
        reopened.prune(clock.instant());
        // Gone, by this prune or by the writer's own, which may come first: it runs after the batch that flush waited for.
        assertThat(rows("SELECT count(*) FROM sent_message")).isZero();
    }

    @Test
    void a_file_written_by_a_newer_version_is_refused_with_a_clear_message() throws Exception {
        var file = directory.resolve("future.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        var error = org.assertj.core.api.Assertions.catchThrowable(() -> new SqliteStore(file, clock, RETENTION, 10));

        assertThat(error).hasMessageContaining("written by a newer topowatch").hasMessageContaining("schema 99");
    }

    @Test
    void the_file_is_intact_after_many_writes() throws Exception {
        open();
        for (int i = 0; i < 3_000; i++) {
            store.recordCheck(check("e" + (i % 30), i % 7 == 0 ? Status.DOWN : Status.UP, i % 200), state("e" + (i % 30), Status.UP, i, 0));
            clock.advance(Duration.ofSeconds(1));
        }
        store.flush();

        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("topowatch.db"));
             var statement = connection.createStatement(); var result = statement.executeQuery("PRAGMA integrity_check")) {
            assertThat(result.getString(1)).isEqualTo("ok");
        }
        assertThat(store.health().writable()).isTrue();
    }

    @Test
    void a_locked_file_is_reported_and_nothing_queued_is_lost_when_it_is_free_again() throws Exception {
        open();
        store.recordCheck(check("api", Status.UP, 5), state("api", Status.UP, 1, 0));
        store.flush();
        var file = directory.resolve("topowatch.db");
        try (var other = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = other.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            statement.execute("BEGIN EXCLUSIVE");
            store.recordTransition(new Transition(0, "api", Status.UP, Status.DOWN, clock.instant(), "refused", List.of()),
                    state("api", Status.DOWN, 1, 2));
            awaitUnwritable();
            assertThat(store.health().lastError()).isNotBlank();
            statement.execute("ROLLBACK");
        }

        awaitWritable();
        assertThat(store.transitions("api", 10, null)).extracting(Transition::to).containsExactly(Status.DOWN);
        assertThat(store.loadStates().get("api").status()).isEqualTo(Status.DOWN);
    }

    private long rows(String sql) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("topowatch.db"));
             var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            return result.getLong(1);
        }
    }

    private void awaitUnwritable() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.health().writable() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.health().writable()).isFalse();
    }

    private void awaitWritable() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((!store.health().writable() || store.health().queued() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        store.flush();
        assertThat(store.health().writable()).isTrue();
    }
}
