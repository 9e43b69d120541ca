package dev.topowatch.server.store;

import dev.topowatch.server.engine.RecordedCheck;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the minute and hour buckets of every entity up to date as results arrive. The open buckets
 * are cached on the writer thread, so a batch costs one upsert per touched bucket rather than a read
 * and a write per result; a bucket not yet in the cache is read once from the file (after a restart).
 */
final class BucketWriter {
    static final long[] WIDTHS = {60, 3600};

    private record Key(String entity, long width, long start) {
    }

    private final Connection connection;
    private final Map<Key, Bucket> open = new HashMap<>();
    private final Set<Key> dirty = new HashSet<>();
    /** The newest minute a result fell in when the cache was last swept: buckets close only as minutes pass. */
    private long sweptMinute = Long.MIN_VALUE;
    private long newestMinute = Long.MIN_VALUE;

    BucketWriter(Connection connection) {
        this.connection = connection;
    }

    void add(RecordedCheck check) throws SQLException {
        long at = check.at().toEpochMilli();
        newestMinute = Math.max(newestMinute, Math.floorDiv(at, 60_000L));
        for (long width : WIDTHS) {
            long start = at - Math.floorMod(at, width * 1000);
            var key = new Key(check.entity(), width, start);
            var bucket = open.get(key);
            if (bucket == null) {
                bucket = load(key);
                open.put(key, bucket);
            }
            bucket.add(check);
            dirty.add(key);
        }
    }

    /** Writes the touched buckets, within the caller's transaction, and lets old ones leave the cache. */
    void flush() throws SQLException {
        try (var upsert = connection.prepareStatement(
                "INSERT INTO bucket (entity, width, start, count, failures, blocked, latency_sum, latency_min, latency_max, sketch)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity, width, start) DO UPDATE SET"
                        + " count = excluded.count, failures = excluded.failures, blocked = excluded.blocked,"
                        + " latency_sum = excluded.latency_sum, latency_min = excluded.latency_min,"
                        + " latency_max = excluded.latency_max, sketch = excluded.sketch")) {
            for (var key : dirty) {
                var bucket = open.get(key);
                upsert.setString(1, key.entity());
                upsert.setLong(2, key.width());
                upsert.setLong(3, key.start());
                upsert.setLong(4, bucket.count);
                upsert.setLong(5, bucket.failures);
                upsert.setLong(6, bucket.blocked);
                upsert.setLong(7, bucket.latencySum);
                upsert.setLong(8, bucket.latencyMin);
                upsert.setLong(9, bucket.latencyMax);
                upsert.setString(10, bucket.sketch.toString());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        dirty.clear();
        if (newestMinute != sweptMinute) {
            sweptMinute = newestMinute;
            evictClosed();
        }
    }

    /** After a failed transaction the cache is ahead of the file: forget it, the file is the truth. */
    void forgetUnsaved() {
        dirty.forEach(open::remove);
        dirty.clear();
    }

    /** A bucket two widths behind the newest of its entity will get no more results. */
    private void evictClosed() {
        var newest = new HashMap<String, Long>();
        open.keySet().forEach(key -> newest.merge(key.entity() + "/" + key.width(), key.start(), Math::max));
        open.keySet().removeIf(key -> key.start() < newest.get(key.entity() + "/" + key.width()) - 2 * key.width() * 1000);
    }

    private Bucket load(Key key) throws SQLException {
        try (var select = connection.prepareStatement(
                "SELECT " + Bucket.COLUMNS + " FROM bucket WHERE entity = ? AND width = ? AND start = ?")) {
            select.setString(1, key.entity());
            select.setLong(2, key.width());
            select.setLong(3, key.start());
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    return new Bucket(key.entity(), key.width(), key.start(), new LatencySketch());
                }
                return Bucket.read(row, 1, key.entity(), key.width(), key.start());
            }
        }
    }
}
