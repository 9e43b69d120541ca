package dev.topowatch.server.store;

import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.engine.Transition;
import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file stops growing once every history window is full. Simulated days with an injected clock,
 * small enough for CI: 10 entities every 5 minutes for 40 days with a 7-day retention. Raw results
 * are capped per entity, minute buckets kept 48 h, hour buckets and transitions for the retention,
 * so from day 8 the file must hold still. (bench/board's StoreSize runs 1,000 entities at 30 s for
 * 30 days with the default retention; bench/README.md has the size it reached.)
 */
@Tag("slow")
class StoreSizeTest {
    private static final int ENTITIES = 10;
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    @TempDir
    Path directory;

    @Test
    void the_file_stops_growing_once_its_history_windows_are_full() throws Exception {
        var clock = MutableClock.at("2026-01-01T00:00:00Z");
        var file = directory.resolve("size.db");
        var pages = new TreeMap<Integer, Long>();
        try (var store = new SqliteStore(file, clock, Duration.ofDays(7), 100)) {
            for (int day = 1; day <= 40; day++) {
                runOneDay(store, clock, day);
                store.prune(clock.instant());
                if (day % 5 == 0) {
                    pages.put(day, pageCount(file));
                }
            }
            assertThat(store.health().writable()).isTrue();
            assertThat(store.recentChecks("e0", 1000)).hasSize(100);
        }

        long settled = pages.get(10);
        assertThat(pages.tailMap(15)).as("database pages by day once every window is full (day 10: %d)", settled)
                .allSatisfy((day, count) -> assertThat(count).isLessThanOrEqualTo(settled + settled / 10));
        assertThat(pages.get(5)).as("the windows were still filling at day 5").isLessThan(settled);
    }

    private static void runOneDay(SqliteStore store, MutableClock clock, int day) {
        long rounds = Duration.ofDays(1).dividedBy(INTERVAL);
        for (long round = 0; round < rounds; round++) {
            for (int entity = 0; entity < ENTITIES; entity++) {
                var name = "e" + entity;
                boolean failed = (round + entity) % 50 == 0;
                var check = new RecordedCheck(name, clock.instant(), failed ? Status.DOWN : Status.UP, false,
                        Duration.ofMillis(5 + (round * 7 + entity) % 300), failed ? "connection refused" : null);
                store.recordCheck(check, EntityState.fresh(name).withStatus(Status.UP, clock.instant())
                        .withLastCheck(clock.instant(), check.latency(), null, Map.of())
                        .withCounts(round, 0, 0).withStreaks(0, 1).withFlapping(false, "U"));
            }
            if (round % 96 == 0) {
                var name = "e" + day % ENTITIES;
                store.recordTransition(new Transition(0, name, Status.UP, Status.DOWN, clock.instant(), "connection refused", List.of()),
                        EntityState.fresh(name).withStatus(Status.DOWN, clock.instant())
                                .withLastCheck(clock.instant(), Duration.ofMillis(5), "connection refused", Map.of())
                                .withCounts(round, 1, 0).withStreaks(1, 0).withFlapping(false, "F"));
            }
            clock.advance(INTERVAL);
        }
    }

    /** The database's size in pages as a reader sees it, the write-ahead log included. */
    private static long pageCount(Path file) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var rows = connection.createStatement().executeQuery("PRAGMA page_count")) {
            return rows.getLong(1);
        }
    }
}
