package dev.topowatch.server.store;

import dev.topowatch.topology.Status;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads history as one point per step, from raw results for fine steps and from buckets otherwise.
 * Steps without any check are left out: a gap in the answer is a gap in the checks.
 */
final class HistoryQuery {

    private HistoryQuery() {
    }

    static List<HistoryPoint> fromRaw(Connection connection, String entity, Instant from, Instant to, Duration step)
            throws SQLException {
        var steps = new TreeMap<Long, Bucket>();
        try (var select = connection.prepareStatement(
                "SELECT at, outcome, blocked, latency_ms FROM check_result WHERE entity = ? AND at >= ? AND at < ? ORDER BY at")) {
            select.setString(1, entity);
            select.setLong(2, from.toEpochMilli());
            select.setLong(3, to.toEpochMilli());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var at = Instant.ofEpochMilli(rows.getLong(1));
                    long start = stepStart(from, step, at);
                    steps.computeIfAbsent(start, ignored -> new Bucket(entity, step.toSeconds(), start, new LatencySketch()))
                            .add(new RecordedCheck(entity, at, Status.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)),
                                    rows.getInt(3) == 1, Duration.ofMillis(rows.getLong(4)), null));
                }
            }
        }
        return points(steps, step);
    }

    static List<HistoryPoint> fromBuckets(Connection connection, String entity, long width, Instant from, Instant to,
                                          Duration step) throws SQLException {
        var steps = new TreeMap<Long, Bucket>();
        try (var select = connection.prepareStatement(
                "SELECT start, " + Bucket.COLUMNS + " FROM bucket WHERE entity = ? AND width = ? AND start >= ? AND start < ? ORDER BY start")) {
            select.setString(1, entity);
            select.setLong(2, width);
            select.setLong(3, from.toEpochMilli() - Math.floorMod(from.toEpochMilli(), width * 1000));
            select.setLong(4, to.toEpochMilli());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var stored = Bucket.read(rows, 2, entity, width, rows.getLong(1));
                    long start = stepStart(from, step, Instant.ofEpochMilli(Math.max(stored.startMillis, from.toEpochMilli())));
                    steps.computeIfAbsent(start, ignored -> new Bucket(entity, step.toSeconds(), start, new LatencySketch()))
                            .merge(stored);
                }
            }
        }
        return points(steps, step);
    }

    /** The buckets of {@code width} seconds of these entities that start in the window (the first one it cuts into included), summed. */
    static CheckTotals totals(Connection connection, Collection<String> entities, long width, Instant from, Instant to)
            throws SQLException {
        var names = String.join(", ", Collections.nCopies(entities.size(), "?"));
        try (var select = connection.prepareStatement("SELECT coalesce(sum(count), 0), coalesce(sum(failures), 0), coalesce(sum(blocked), 0)"
                + " FROM bucket WHERE width = ? AND start >= ? AND start < ? AND entity IN (" + names + ")")) {
            select.setLong(1, width);
            select.setLong(2, from.toEpochMilli() - Math.floorMod(from.toEpochMilli(), width * 1000));
            select.setLong(3, to.toEpochMilli());
            int index = 4;
            for (var entity : entities) {
                select.setString(index++, entity);
            }
            try (var row = select.executeQuery()) {
                return new CheckTotals(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        }
    }

    private static long stepStart(Instant from, Duration step, Instant at) {
        long offset = at.toEpochMilli() - from.toEpochMilli();
        return from.toEpochMilli() + offset / step.toMillis() * step.toMillis();
    }

    private static List<HistoryPoint> points(TreeMap<Long, Bucket> steps, Duration step) {
        var points = new ArrayList<HistoryPoint>();
        steps.forEach((start, bucket) -> points.add(bucket.toPoint(Instant.ofEpochMilli(start), step)));
        return points;
    }
}
