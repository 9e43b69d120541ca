package dev.topowatch.server.store;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable summary of latencies with a bounded relative error, so that percentiles of minute
 * buckets, hour buckets and any range of them come out of the same few numbers: each latency falls
 * into a logarithmic bin ({@link #GAMMA} apart, about 2.5% from the bin's middle to its edges), and
 * merging adds bin counts. Stored as text, {@code index:count} pairs.
 */
final class LatencySketch {
    static final double GAMMA = 1.05;
    private static final double LOG_GAMMA = Math.log(GAMMA);

    private final TreeMap<Integer, Long> bins = new TreeMap<>();

    static LatencySketch parse(String text) {
        var sketch = new LatencySketch();
        if (text != null && !text.isBlank()) {
            for (var pair : text.split(",")) {
                var colon = pair.indexOf(':');
                sketch.bins.merge(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)), Long::sum);
            }
        }
        return sketch;
    }

    void add(Duration latency) {
        bins.merge(index(latency.toMillis()), 1L, Long::sum);
    }

    void merge(LatencySketch other) {
        other.bins.forEach((index, count) -> bins.merge(index, count, Long::sum));
    }

    long count() {
        return bins.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The {@code quantile} (0..1) latency, within the sketch's accuracy; null when empty. */
    Duration quantile(double quantile) {
        long total = count();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return Duration.ofMillis(Math.round(middle(bin.getKey())));
            }
        }
        return Duration.ofMillis(Math.round(middle(bins.lastKey())));
    }

    /** Milliseconds are shifted by one so that 0 ms has a bin of its own. */
    private static int index(long millis) {
        return (int) Math.floor(Math.log(Math.max(0, millis) + 1) / LOG_GAMMA);
    }

    private static double middle(int index) {
        return Math.pow(GAMMA, index + 0.5) - 1;
    }

    @Override
    public String toString() {
        var text = new StringBuilder();
        bins.forEach((index, count) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(index).append(':').append(count);
        });
        return text.toString();
    }
}
