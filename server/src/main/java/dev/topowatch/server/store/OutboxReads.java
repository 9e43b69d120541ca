package dev.topowatch.server.store;

import dev.topowatch.server.outbox.Outbox.OpenProblem;
import dev.topowatch.server.outbox.OutboxMessage;
import dev.topowatch.server.outbox.SentMessage;
import dev.topowatch.topology.Status;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outbox as the senders and the rules read it, on the readers' connection (which callers share: each read holds it). */
final class OutboxReads {
    private final Connection reader;
    private final Clock clock;

    OutboxReads(Connection reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    List<OutboxMessage> pendingAlerts(String channel, int limit) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT id, kind, entity, created_at, body, attempts, next_attempt_at, last_error"
                    + " FROM outbox WHERE channel = ? AND delivered_at IS NULL ORDER BY id LIMIT ?")) {
                statement.setString(1, channel);
                statement.setInt(2, limit);
                var messages = new ArrayList<OutboxMessage>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        messages.add(new OutboxMessage(rows.getLong(1), channel, rows.getString(2), rows.getString(3),
                                Instant.ofEpochMilli(rows.getLong(4)), rows.getString(5), rows.getInt(6),
                                Instant.ofEpochMilli(rows.getLong(7)), rows.getString(8)));
                    }
                }
                return messages;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the alert outbox", failed);
            }
        }
    }

    List<SentMessage> editableMessages(String channel) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT message_id, body FROM sent_message"
                    + " WHERE channel = ? AND closed_at IS NULL ORDER BY sent_at, message_id")) {
                statement.setString(1, channel);
                var messages = new ArrayList<SentMessage>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        messages.add(new SentMessage(channel, rows.getLong(1), rows.getString(2)));
                    }
                }
                return messages;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the sent messages", failed);
            }
        }
    }

    boolean lastProblemSuperseded(String channel, String entity, long beforeId) {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT last_error FROM outbox WHERE channel = ? AND entity = ?"
                    + " AND kind IN ('down', 'degraded') AND id < ? ORDER BY id DESC LIMIT 1")) {
                statement.setString(1, channel);
                statement.setString(2, entity);
                statement.setLong(3, beforeId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() && rows.getString(1) != null && rows.getString(1).startsWith(SqliteStore.SUPERSEDED);
                }
            } catch (SQLException failed) {
                throw new StoreException("cannot read the alert outbox", failed);
            }
        }
    }

    Map<String, Long> undeliveredAlerts() {
        synchronized (reader) {
            try (var statement = reader.prepareStatement(
                    "SELECT channel, count(*) FROM outbox WHERE delivered_at IS NULL GROUP BY channel ORDER BY channel");
                 var rows = statement.executeQuery()) {
                var counts = new TreeMap<String, Long>();
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
                return counts;
            } catch (SQLException failed) {
                throw new StoreException("cannot read the alert outbox", failed);
            }
        }
    }

    Map<String, OpenProblem> openProblems() {
        synchronized (reader) {
            // Per entity, its newest announced down, degraded or recovery message on any channel.
            // Its peak was written when it opened (and each time it grew), after any peak of an earlier outage.
            try (var statement = reader.prepareStatement("SELECT o.entity, o.kind, o.created_at, coalesce(p.casualties, 0) FROM outbox o"
                    + " JOIN (SELECT entity, max(id) AS id FROM outbox WHERE kind IN ('down', 'degraded', 'recovered')"
                    + " AND (last_error IS NULL OR last_error NOT LIKE '" + SqliteStore.SUPERSEDED + "%') GROUP BY entity) last"
                    + " ON last.id = o.id LEFT JOIN alert_peak p ON p.entity = o.entity WHERE o.kind != 'recovered'");
                 var rows = statement.executeQuery()) {
                var open = new HashMap<String, OpenProblem>();
                while (rows.next()) {
                    var status = Columns.status(rows.getString(2));
                    open.put(rows.getString(1), new OpenProblem(rows.getString(1), status,
                            Instant.ofEpochMilli(rows.getLong(3)), status == Status.DOWN ? rows.getInt(4) : 0));
                }
                return open;
            } catch (SQLException failed) {
                throw new StoreException("cannot read transitions", failed);
            }
        }
    }

    Map<String, Instant> mutes() {
        synchronized (reader) {
            try (var statement = reader.prepareStatement("SELECT entity, until FROM alert_mute WHERE until > ?")) {
                statement.setLong(1, clock.millis());
                var mutes = new HashMap<String, Instant>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        mutes.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                    }
                }
                return mutes;
            } catch (SQLException failed) {
                throw new StoreException("cannot read mutes", failed);
            }
        }
    }
}
