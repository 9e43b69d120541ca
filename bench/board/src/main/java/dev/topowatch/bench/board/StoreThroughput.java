package dev.topowatch.bench.board;

import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.Status;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite write throughput: results a second when the writer commits every 1, 10, 100 or 1,000 of
 * them (a flush after each batch forces the transaction), and when it batches on its own.
 */
public final class StoreThroughput {

    public static void main(String[] args) throws Exception {
        System.out.println("| results per transaction | results/s |");
        System.out.println("|---:|---:|");
        for (int batch : new int[] {1, 10, 100, 1000, 0}) {
            var file = Files.createTempDirectory("topowatch-store").resolve("bench.db");
            var clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            int total = batch == 1 ? 5_000 : batch == 10 ? 30_000 : 200_000;
            try (var store = new SqliteStore(file, clock, Duration.ofDays(30), 100)) {
                long started = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    var name = "e" + (i % 1000);
                    store.recordCheck(new RecordedCheck(name, clock.instant().plusMillis(i), Status.UP, false, Duration.ofMillis(i % 300), null),
                            EntityState.fresh(name).withStatus(Status.UP, clock.instant())
                                    .withLastCheck(clock.instant(), Duration.ofMillis(3), null, Map.of())
                                    .withCounts(i, 0, 0).withStreaks(0, 1).withFlapping(false, "U"));
                    if (batch > 0 && (i + 1) % batch == 0) {
                        store.flush();
                    }
                }
                store.flush();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "| %s | %.0f |%n", batch == 0 ? "as the writer batches (up to 1,000)" : batch, total / seconds);
            }
        }
        System.exit(0);
    }
}
