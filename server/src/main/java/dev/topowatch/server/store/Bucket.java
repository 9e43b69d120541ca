package dev.topowatch.server.store;

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
