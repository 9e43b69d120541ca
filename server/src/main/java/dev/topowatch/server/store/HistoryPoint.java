package dev.topowatch.server.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The checks of one entity within one time step, aggregated.
 *
 * @param failures checks that failed while not blocked
 * @param blocked  checks that failed while a dependency was down
 * @param latencyP95 approximate (within a few per cent), from a latency sketch; null when count is 0
 */
public record HistoryPoint(Instant start, Duration step, long count, long failures, long blocked,
                           Duration latencyMin, Duration latencyAvg, Duration latencyMax, Duration latencyP95) {
}
