package dev.topowatch.server.store;

import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.topology.Status;

import java.time.Duration;

/** The checks of one entity in one time bucket, as they accumulate. */
final class Bucket {
    final String entity;
    final long widthSeconds;
    final long startMillis;
    long count;
    long failures;
    long blocked;
    long latencySum;
    long latencyMin = Long.MAX_VALUE;
    long latencyMax;
    final LatencySketch sketch;

    Bucket(String entity, long widthSeconds, long startMillis, LatencySketch sketch) {
        this.entity = entity;
        this.widthSeconds = widthSeconds;
        this.startMillis = startMillis;
        this.sketch = sketch;
    }

    /** The column list {@link #read} expects, in its order. */
    static final String COLUMNS = "count, failures, blocked, latency_sum, latency_min, latency_max, sketch";

    /** A stored bucket from a row whose columns {@link #COLUMNS} start at {@code first}. */
    static Bucket read(java.sql.ResultSet row, int first, String entity, long widthSeconds, long startMillis)
            throws java.sql.SQLException {
        var bucket = new Bucket(entity, widthSeconds, startMillis, LatencySketch.parse(row.getString(first + 6)));
        bucket.count = row.getLong(first);
        bucket.failures = row.getLong(first + 1);
        bucket.blocked = row.getLong(first + 2);
        bucket.latencySum = row.getLong(first + 3);
        bucket.latencyMin = row.getLong(first + 4);
        bucket.latencyMax = row.getLong(first + 5);
        return bucket;
    }

    void add(RecordedCheck check) {
        count++;
        if (check.outcome() == Status.DOWN) {
            if (check.blocked()) {
                blocked++;
            } else {
                failures++;
            }
        }
        long millis = check.latency().toMillis();
        latencySum += millis;
        latencyMin = Math.min(latencyMin, millis);
        latencyMax = Math.max(latencyMax, millis);
        sketch.add(check.latency());
    }

    void merge(Bucket other) {
        count += other.count;
        failures += other.failures;
        blocked += other.blocked;
        latencySum += other.latencySum;
        latencyMin = Math.min(latencyMin, other.latencyMin);
        latencyMax = Math.max(latencyMax, other.latencyMax);
        sketch.merge(other.sketch);
    }

    HistoryPoint toPoint(java.time.Instant start, Duration step) {
        if (count == 0) {
            return new HistoryPoint(start, step, 0, 0, 0, null, null, null, null);
        }
        return new HistoryPoint(start, step, count, failures, blocked, Duration.ofMillis(latencyMin),
                Duration.ofMillis(Math.round((double) latencySum / count)), Duration.ofMillis(latencyMax), sketch.quantile(0.95));
    }
}
