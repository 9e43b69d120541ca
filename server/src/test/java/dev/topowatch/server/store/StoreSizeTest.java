package dev.topowatch.server.store;

import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file stops growing once retention is full. Simulated days with an injected clock: 50 entities
 * checked every minute for five days with a three-day retention. (bench/store runs 1,000 entities at
 * 30 s for 30 days with the default retention; bench/README.md has the size it reached.)
 */
class StoreSizeTest {
    private static final int ENTITIES = 50;
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    @TempDir
    Path directory;

    @Test
    void the_file_size_stays_flat_once_retention_is_full() throws Exception {
        var clock = MutableClock.at("2026-01-01T00:00:00Z");
        var file = directory.resolve("size.db");
        long afterFourDays;
        long afterFiveDays;
        try (var store = new SqliteStore(file, clock, Duration.ofDays(3), 100)) {
            run(store, clock, Duration.ofDays(4));
            store.prune(clock.instant());
            afterFourDays = Files.size(file) + walSize(file);
            run(store, clock, Duration.ofDays(1));
            store.prune(clock.instant());
            afterFiveDays = Files.size(file) + walSize(file);

            assertThat(store.health().writable()).isTrue();
            assertThat(store.recentChecks("e0", 1000)).hasSize(100);
        }

        assertThat(afterFiveDays).as("size after 4 days %d, after 5 days %d", afterFourDays, afterFiveDays)
                .isLessThanOrEqualTo((long) (afterFourDays * 1.05));
    }

    private static void run(SqliteStore store, MutableClock clock, Duration duration) {
        long rounds = duration.dividedBy(INTERVAL);
        for (long round = 0; round < rounds; round++) {
            for (int entity = 0; entity < ENTITIES; entity++) {
                var name = "e" + entity;
                boolean failed = (round + entity) % 97 == 0;
                var check = new RecordedCheck(name, clock.instant(), failed ? Status.DOWN : Status.UP, false,
                        Duration.ofMillis(20 + (round * 7 + entity) % 400), failed ? "connection refused" : null);
                store.recordCheck(check, new EntityState(name, Status.UP, clock.instant(), clock.instant(), round, 0, 0, 0, 1,
                        check.latency(), null, false, "U", List.of(), List.of(), Map.of()));
            }
            clock.advance(INTERVAL);
            if (round % 600 == 0) {
                store.flush();
            }
        }
        store.flush();
    }

    private static long walSize(Path file) throws java.io.IOException {
        var wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
