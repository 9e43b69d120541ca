package dev.topowatch.bench.board;

import dev.topowatch.server.store.EntityState;
import dev.topowatch.server.store.RecordedCheck;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store's file size under continuous running: ENTITIES checked every 30 s for DAYS simulated
 * days (an injected clock), retention 30 days, the default 100 raw results per entity. Prints the
 * size after each simulated day, and the wall-clock time so far.
 *
 * <pre>args: ENTITIES DAYS</pre>
 */
public final class StoreSize {

    /** A clock the benchmark moves itself. */
    static final class SimulatedClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] args) throws Exception {
        int entities = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        var clock = new SimulatedClock();
        var file = Files.createTempDirectory("topowatch-size").resolve("size.db");
        long started = System.nanoTime();
        System.out.println("| simulated day | results written | file size (db + wal) | elapsed |");
        System.out.println("|---:|---:|---:|---:|");
        long written = 0;
        try (var store = new SqliteStore(file, clock, Duration.ofDays(30), 100)) {
            for (int day = 1; day <= days; day++) {
                for (int round = 0; round < 2880; round++) {
                    for (int entity = 0; entity < entities; entity++) {
                        var name = "e" + entity;
                        boolean failed = (round + entity) % 101 == 0;
                        store.recordCheck(new RecordedCheck(name, clock.now, failed ? Status.DOWN : Status.UP, false,
                                        Duration.ofMillis(5 + (round * 13L + entity) % 700), failed ? "connection refused" : null),
                                new EntityState(name, Status.UP, clock.now, clock.now, round, 0, 0, 0, 1, Duration.ofMillis(5), null,
                                        false, "U", List.of(), List.of(), Map.of()));
                        written++;
                    }
                    clock.now = clock.now.plusSeconds(30);
                    if (round % 100 == 0) {
                        store.flush();
                    }
                }
                store.prune(clock.now);
                System.out.printf(Locale.ROOT, "| %d | %,d | %.1f MB | %.0f s |%n", day, written, size(file) / 1e6,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "%,d results in %.0f s (%.0f results/s)%n", written, (System.nanoTime() - started) / 1e9,
                written / ((System.nanoTime() - started) / 1e9));
        System.exit(0);
    }

    private static long size(Path file) throws Exception {
        var wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }
}
