package dev.topowatch.bench.board;

import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The store's file size under continuous running: ENTITIES checked every 30 s for DAYS simulated
 * days (an injected clock), retention 30 days, the default 100 raw results per entity. Prints the
 * size after each simulated day, and the wall-clock time so far.
 *
 * <p>A month takes hours here, so a run can be continued: given the file of an earlier run (which
 * keeps what it committed), it goes on from the round after the newest result in it. A batch may
 * end within a round, so up to one round of results (one per entity) may be missing: 0.001% of a month.
 *
 * <pre>args: ENTITIES DAYS [FILE]</pre>
 */
public final class StoreSize {
    private static final Duration ROUND = Duration.ofSeconds(30);
    private static final int ROUNDS_A_DAY = 2880;

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
        var file = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("topowatch-size").resolve("size.db");
        long firstRound = Files.exists(file) ? roundsDone(file, clock.now) : 0;
        int firstDay = (int) (firstRound / ROUNDS_A_DAY) + 1;
        clock.now = clock.now.plus(ROUND.multipliedBy(firstRound));
        long started = System.nanoTime();
        System.out.println("file: " + file + (firstRound > 0 ? ", continued at round " + firstRound + " (day " + firstDay + ")" : ""));
        System.out.println("| simulated day | results written | file size (db + wal) | elapsed |");
        System.out.println("|---:|---:|---:|---:|");
        long written = firstRound * entities;
        long writtenBefore = written;
        try (var store = new SqliteStore(file, clock, Duration.ofDays(30), 100)) {
            for (int day = firstDay; day <= days; day++) {
                for (int round = (int) (firstRound % ROUNDS_A_DAY); round < ROUNDS_A_DAY; round++) {
                    for (int entity = 0; entity < entities; entity++) {
                        var name = "e" + entity;
                        boolean failed = (round + entity) % 101 == 0;
                        store.recordCheck(new RecordedCheck(name, clock.now, failed ? Status.DOWN : Status.UP, false,
                                        Duration.ofMillis(5 + (round * 13L + entity) % 700), failed ? "connection refused" : null),
                                EntityState.fresh(name).withStatus(Status.UP, clock.now)
                                        .withLastCheck(clock.now, Duration.ofMillis(5), null, Map.of())
                                        .withCounts(round, 0, 0).withStreaks(0, 1).withFlapping(false, "U"));
                        written++;
                    }
                    clock.now = clock.now.plus(ROUND);
                    if (round % 100 == 0) {
                        store.flush();
                    }
                }
                firstRound = 0;
                store.prune(clock.now);
                System.out.printf(Locale.ROOT, "| %d | %,d | %.1f MB | %.0f s |%n", day, written, size(file) / 1e6,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%,d results in %.0f s (%.0f results/s)%n", written - writtenBefore, seconds,
                (written - writtenBefore) / seconds);
        System.exit(0);
    }

    /** How many rounds an earlier run committed: the round after its newest result. */
    private static long roundsDone(Path file, Instant start) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var rows = connection.createStatement().executeQuery("SELECT max(at) FROM check_result")) {
            long last = rows.next() ? rows.getLong(1) : start.toEpochMilli() - ROUND.toMillis();
            return (last - start.toEpochMilli()) / ROUND.toMillis() + 1;
        }
    }

    private static long size(Path file) throws Exception {
        var wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }
}
