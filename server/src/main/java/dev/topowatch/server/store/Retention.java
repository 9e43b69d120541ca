package dev.topowatch.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What is kept and for how long, and the one schedule that prunes it: raw results (the newest
 * {@code rawPerEntity} of each entity, within {@link #MINUTE_WINDOW}), minute buckets for
 * {@link #MINUTE_WINDOW}, hour buckets, transitions and delivered alerts for the retention. Undelivered
 * alerts are never pruned. Runs on the writer thread, so a prune never races a batch.
 */
final class Retention {
    static final Duration MINUTE_WINDOW = Duration.ofHours(48);
    /** How often the writer prunes: the only schedule of it. */
    static final Duration EVERY = Duration.ofMinutes(5);

    private final Connection writer;
    private final Clock clock;
    private final Duration retention;
    private final int rawPerEntity;
    private Instant lastPrune = Instant.EPOCH;

    Retention(Connection writer, Clock clock, Duration retention, int rawPerEntity) {
        this.writer = writer;
        this.clock = clock;
        this.retention = retention;
        this.rawPerEntity = rawPerEntity;
    }

    /** How long the idle writer may sleep before a prune is due: no wakeups in between. */
    long untilDue() {
        long left = EVERY.minus(Duration.between(lastPrune, clock.instant())).toMillis();
        return Math.clamp(left, 1, EVERY.toMillis());
    }

    /** Whether a prune is due at {@code now}; if so, it counts as done from now (a failed one is not retried at once). */
    boolean due(Instant now) {
        if (Duration.between(lastPrune, now).compareTo(EVERY) < 0) {
            return false;
        }
        lastPrune = now;
        return true;
    }

    /** Deletes what is past its window; how many rows. */
    long prune(Instant now) throws SQLException {
        long deleted = 0;
        long cutoff = now.minus(retention).toEpochMilli();
        long minuteCutoff = now.minus(MINUTE_WINDOW).toEpochMilli();
        try (var statement = writer.createStatement()) {
            deleted += statement.executeUpdate("DELETE FROM bucket WHERE width = 60 AND start < " + minuteCutoff);
            deleted += statement.executeUpdate("DELETE FROM bucket WHERE width = 3600 AND start < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM transition WHERE at < " + cutoff);
            // Undelivered alerts are never pruned: a channel that comes back still gets them.
            deleted += statement.executeUpdate("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM sent_message WHERE closed_at IS NOT NULL AND closed_at < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM alert_mute WHERE until < " + now.toEpochMilli());
            for (var table : List.of("heartbeat_push", "alert_peak")) {
                deleted += statement.executeUpdate("DELETE FROM " + table + " WHERE entity IN (SELECT name FROM entity_state"
                        + " WHERE removed_at IS NOT NULL AND removed_at < " + cutoff + ")");
            }
            deleted += statement.executeUpdate("DELETE FROM entity_state WHERE removed_at IS NOT NULL AND removed_at < " + cutoff);
            deleted += statement.executeUpdate("DELETE FROM check_result WHERE at < " + minuteCutoff);
            // Keep only the newest raw results of each entity.
            deleted += statement.executeUpdate("DELETE FROM check_result WHERE rowid IN (SELECT id FROM "
                    + "(SELECT rowid AS id, row_number() OVER (PARTITION BY entity ORDER BY at DESC, rowid DESC) AS age"
                    + " FROM check_result) WHERE age > " + rawPerEntity + ")");
        }
        return deleted;
    }
}
