package dev.topowatch.server.store;

import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.engine.EntityState;
import dev.topowatch.server.engine.RecordedCheck;
import dev.topowatch.server.engine.Transition;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the board reads back: entity states at start, heartbeat pushes, history and totals (raw
 * results for the short steps, minute or hour buckets beyond), transitions, recent checks. On the
 * readers' connection; the store commits lingering check results before the reads that need them.
 */
final class HistoryReads {
    private final Connection reader;
    private final Clock clock;
    private final Path file;

    HistoryReads(Connection reader, Clock clock, Path file) {
        this.reader = reader;
        this.clock = clock;
        this.file = file;
    }

    Map<String, EntityState> loadStates() {
        synchronized (reader) {
            var states = new HashMap<String, EntityState>();
            try (var statement = reader.prepareStatement("SELECT name, state FROM entity_state");
                 var rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), StateCodec.decode(rows.getString(1), rows.getString(2)));
                }
            } catch (SQLException failed) {
                throw new StoreException("cannot read entity states from " + file, failed);
            }
            return states;
        }
    }

    Map<String, Push> lastPushes() {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT entity, at, status, message, latency_ms FROM heartbeat_push");
                 var rows = statement.executeQuery()) {
                var pushes = new HashMap<String, Push>();
                while (rows.next()) {
                    long latencyMillis = rows.getLong(5);
                    var latency = rows.wasNull() ? null : Duration.ofMillis(latencyMillis);
                    pushes.put(rows.getString(1), new Push(Instant.ofEpochMilli(rows.getLong(2)), Columns.status(rows.getString(3)),
                            rows.getString(4), latency));
                }
                return pushes;
            } catch (SQLException failed) {
                throw new StoreException("cannot read heartbeat pushes from " + file, failed);
            }
        }
    }

    List<HistoryPoint> history(String entity, Instant from, Instant to, Duration step) {
        var now = clock.instant();
        synchronized (reader) {
            try {
                if (step.compareTo(Duration.ofMinutes(1)) < 0) {
                    return HistoryQuery.fromRaw(reader, entity, from, to, step);
                }
                long width = from.isBefore(now.minus(Retention.MINUTE_WINDOW)) || step.compareTo(Duration.ofHours(1)) >= 0 ? 3600 : 60;
                return HistoryQuery.fromBuckets(reader, entity, width, from, to, step);
            } catch (SQLException failed) {
                throw new StoreException("cannot read the history of '" + entity + "'", failed);
            }
        }
    }

    CheckTotals totals(Collection<String> entities, Instant from, Instant to) {
        if (entities.isEmpty()) {
            return new CheckTotals(0, 0, 0);
        }
        var now = clock.instant();
        synchronized (reader) {
            try {
                long width = from.isBefore(now.minus(Retention.MINUTE_WINDOW)) ? 3600 : 60;
                return HistoryQuery.totals(reader, entities, width, from, to);
            } catch (SQLException failed) {
                throw new StoreException("cannot read the history of " + String.join(", ", entities), failed);
            }
        }
    }

    List<Transition> transitions(String entity, int limit, Instant before) {
        var sql = new StringBuilder("SELECT id, entity, from_status, to_status, at, reason, root_cause FROM transition WHERE 1 = 1");
        if (entity != null) {
            sql.append(" AND entity = ?");
        }
        if (before != null) {
            sql.append(" AND at < ?");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        synchronized (reader) {
            try (var statement = reader.prepareStatement(sql.toString())) {
                int index = 1;
                if (entity != null) {
                    statement.setString(index++, entity);
                }
                if (before != null) {
                    statement.setLong(index++, before.toEpochMilli());
                }
                statement.setInt(index, Math.min(limit, 1000));
                var transitions = new ArrayList<Transition>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        transitions.add(new Transition(rows.getLong(1), rows.getString(2), Columns.status(rows.getString(3)),
                                Columns.status(rows.getString(4)), Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6),
                                Columns.strings(rows.getString(7))));
                    }
                }
                return transitions;
            } catch (SQLException failed) {
                throw new StoreException("cannot read transitions", failed);
            }
        }
    }

    List<RecordedCheck> recentChecks(String entity, int limit) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement(
                    "SELECT at, outcome, blocked, latency_ms, error FROM check_result WHERE entity = ? ORDER BY at DESC, rowid DESC LIMIT ?")) {
                statement.setString(1, entity);
                statement.setInt(2, limit);
                var checks = new ArrayList<RecordedCheck>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        checks.add(new RecordedCheck(entity, Instant.ofEpochMilli(rows.getLong(1)), Columns.status(rows.getString(2)),
                                rows.getInt(3) == 1, Duration.ofMillis(rows.getLong(4)), rows.getString(5)));
                    }
                }
                return checks;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the checks of '" + entity + "'", failed);
            }
        }
    }
}
