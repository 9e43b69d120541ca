package dev.topowatch.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The database schema as an ordered list of migrations, the version kept in {@code PRAGMA user_version}:
 * a newer board upgrades an older file in place, an older board refuses a newer file.
 */
final class Schema {
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE TABLE entity_state (name TEXT PRIMARY KEY, state TEXT NOT NULL, removed_at INTEGER)",
                    "CREATE TABLE check_result (entity TEXT NOT NULL, at INTEGER NOT NULL, outcome TEXT NOT NULL,"
                            + " blocked INTEGER NOT NULL, latency_ms INTEGER NOT NULL, error TEXT)",
                    "CREATE INDEX check_result_by_entity ON check_result (entity, at)",
                    "CREATE TABLE bucket (entity TEXT NOT NULL, width INTEGER NOT NULL, start INTEGER NOT NULL,"
                            + " count INTEGER NOT NULL, failures INTEGER NOT NULL, blocked INTEGER NOT NULL,"
                            + " latency_sum INTEGER NOT NULL, latency_min INTEGER NOT NULL, latency_max INTEGER NOT NULL,"
                            + " sketch TEXT NOT NULL, PRIMARY KEY (entity, width, start)) WITHOUT ROWID",
                    "CREATE INDEX bucket_by_age ON bucket (width, start)",
                    "CREATE TABLE transition (id INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL,"
                            + " from_status TEXT NOT NULL, to_status TEXT NOT NULL, at INTEGER NOT NULL, reason TEXT,"
                            + " root_cause TEXT NOT NULL)",
                    "CREATE INDEX transition_by_entity ON transition (entity, id)",
                    "CREATE INDEX transition_by_age ON transition (at)"),
            List.of(
                    "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, kind TEXT NOT NULL, entity TEXT,"
                            + " created_at INTEGER NOT NULL, body TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
                            + " next_attempt_at INTEGER NOT NULL, delivered_at INTEGER, last_error TEXT)",
                    "CREATE INDEX outbox_pending ON outbox (channel, delivered_at, id)",
                    "CREATE INDEX outbox_by_entity ON outbox (entity, kind, id)",
                    "CREATE TABLE alert_mute (entity TEXT PRIMARY KEY, until INTEGER NOT NULL)"),
            List.of(
                    // The last push of each heartbeat: a restart must not forget that its job reported.
                    "CREATE TABLE heartbeat_push (entity TEXT PRIMARY KEY, at INTEGER NOT NULL, status TEXT NOT NULL,"
                            + " message TEXT, latency_ms INTEGER)",
                    // How many a root blocked at most in its open outage, for its recovery message.
                    "CREATE TABLE alert_peak (entity TEXT PRIMARY KEY, since INTEGER NOT NULL, casualties INTEGER NOT NULL)",
                    // Messages a chat holds about outages still going on, edited as their casualties change.
                    "CREATE TABLE sent_message (channel TEXT NOT NULL, message_id INTEGER NOT NULL, body TEXT NOT NULL,"
                            + " sent_at INTEGER NOT NULL, edited_at INTEGER, closed_at INTEGER, PRIMARY KEY (channel, message_id))"));

    private Schema() {
    }

    static int latest() {
        return MIGRATIONS.size();
    }

    static void migrate(Connection connection, String file) throws SQLException {
        int version;
        try (var statement = connection.createStatement(); var result = statement.executeQuery("PRAGMA user_version")) {
            version = result.getInt(1);
        }
        if (version > latest()) {
            throw new SQLException(file + " was written by a newer topowatch (schema " + version
                    + ", this one knows up to " + latest() + "): upgrade topowatch, or give it another --database");
        }
        for (int next = version; next < latest(); next++) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                for (var sql : MIGRATIONS.get(next)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (next + 1));
                connection.commit();
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
