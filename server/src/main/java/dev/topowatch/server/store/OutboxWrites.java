package dev.topowatch.server.store;

import dev.topowatch.server.outbox.OutboxMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The outbox's SQL on the writer's connection, inside the writer's batch: new alert rows, their
 * delivery marks with the messages a chat may edit, edits, mutes and outage peaks.
 */
final class OutboxWrites {
    private final Connection writer;

    OutboxWrites(Connection writer) {
        this.writer = writer;
    }

    /** Adds the rows to the batch's insert; whether there were any. */
    static boolean add(PreparedStatement outbox, List<OutboxMessage> alerts) throws SQLException {
        for (var alert : alerts) {
            outbox.setString(1, alert.channel());
            outbox.setString(2, alert.kind());
            outbox.setString(3, alert.entity());
            outbox.setLong(4, alert.createdAt().toEpochMilli());
            outbox.setString(5, alert.body());
            outbox.setLong(6, alert.nextAttempt().toEpochMilli());
            outbox.addBatch();
        }
        return !alerts.isEmpty();
    }

    void outcome(Write.AlertOutcome outcome) throws SQLException {
        try (var statement = writer.prepareStatement(outcome.delivered()
                ? "UPDATE outbox SET delivered_at = ?, last_error = ? WHERE id = ?"
                : "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?")) {
            for (var id : outcome.ids()) {
                statement.setLong(1, outcome.at().toEpochMilli());
                statement.setString(2, outcome.note());
                statement.setLong(3, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        sent(outcome);
    }

    private void sent(Write.AlertOutcome outcome) throws SQLException {
        if (outcome.sent().isEmpty()) {
            return;
        }
        try (var statement = writer.prepareStatement("INSERT INTO sent_message (channel, message_id, body, sent_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (channel, message_id) DO UPDATE SET body = excluded.body, sent_at = excluded.sent_at, closed_at = NULL")) {
            for (var message : outcome.sent()) {
                statement.setString(1, message.channel());
                statement.setLong(2, message.messageId());
                statement.setString(3, message.body());
                statement.setLong(4, outcome.at().toEpochMilli());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    void edited(Write.Edited edited) throws SQLException {
        try (var statement = writer.prepareStatement("UPDATE sent_message SET body = ?, edited_at = ? WHERE channel = ? AND message_id = ?")) {
            statement.setString(1, edited.message().body());
            statement.setLong(2, edited.at().toEpochMilli());
            statement.setString(3, edited.message().channel());
            statement.setLong(4, edited.message().messageId());
            statement.executeUpdate();
        }
    }

    void closed(Write.Closed gone) throws SQLException {
        try (var statement = writer.prepareStatement("UPDATE sent_message SET closed_at = ? WHERE channel = ? AND message_id = ?")) {
            statement.setLong(1, gone.at().toEpochMilli());
            statement.setString(2, gone.channel());
            statement.setLong(3, gone.messageId());
            statement.executeUpdate();
        }
    }

    void mute(Write.Mute mute) throws SQLException {
        try (var statement = writer.prepareStatement(mute.until() == null
                ? "DELETE FROM alert_mute WHERE entity = ?"
                : "INSERT INTO alert_mute (entity, until) VALUES (?, ?) ON CONFLICT (entity) DO UPDATE SET until = excluded.until")) {
            statement.setString(1, mute.entity());
            if (mute.until() != null) {
                statement.setLong(2, mute.until().toEpochMilli());
            }
            statement.executeUpdate();
        }
    }

    void peak(Write.Peak peak) throws SQLException {
        try (var statement = writer.prepareStatement("INSERT INTO alert_peak (entity, since, casualties) VALUES (?, ?, ?)"
                + " ON CONFLICT (entity) DO UPDATE SET since = excluded.since, casualties = excluded.casualties")) {
            statement.setString(1, peak.entity());
            statement.setLong(2, peak.since().toEpochMilli());
            statement.setInt(3, peak.casualties());
            statement.executeUpdate();
        }
    }
}
