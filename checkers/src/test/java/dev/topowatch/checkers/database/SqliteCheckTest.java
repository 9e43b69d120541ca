package dev.topowatch.checkers.database;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck.Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static dev.topowatch.checkers.database.DatabaseEntities.TIMEOUT;
import static dev.topowatch.checkers.database.DatabaseEntities.checker;
import static dev.topowatch.checkers.database.DatabaseEntities.database;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a real SQLite file in a temporary directory. */
class SqliteCheckTest {
    @TempDir
    Path directory;
    private Path file;

    @BeforeEach
    void createDatabase() throws SQLException {
        file = directory.resolve("app.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT)");
            statement.execute("INSERT INTO jobs (state) VALUES ('done'), ('done'), ('failed')");
        }
    }

    private static ConfigText url(Path file) {
        return ConfigText.literal("jdbc:sqlite:" + file);
    }

    @Test
    void readable_file_is_up_and_shows_its_captured_values() {
        var entity = database(Engine.SQLITE, url(file), null, null, "SELECT count(*) FROM jobs",
                Map.of("failed_jobs", "SELECT count(*) FROM jobs WHERE state = 'failed'",
                        "last_state", "SELECT state FROM jobs ORDER BY id DESC"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.extra()).containsEntry("failed_jobs", "1").containsEntry("last_state", "failed");
        assertThat(result.details()).containsEntry("engine", "sqlite");
    }

    @Test
    void missing_file_is_down_and_is_not_created() {
        var missing = directory.resolve("typo.db");

        var result = checker().check(database(Engine.SQLITE, url(missing), null, null, "SELECT 1", Map.of()),
                TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("database file not found: " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void missing_file_given_as_a_file_uri_is_not_created_either() {
        var missing = directory.resolve("typo.db");

        var result = checker().check(database(Engine.SQLITE,
                ConfigText.literal("jdbc:sqlite:file:" + missing + "?cache=shared"), null, null, "SELECT 1",
                Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).startsWith("database file not found");
        assertThat(missing).doesNotExist();
    }

    @Test
    void missing_file_named_by_the_environment_is_reported_by_its_variable() {
        var missing = directory.resolve("from-env.db");
        var url = ConfigText.of("${APP_DATABASE_URL}", "jdbc:sqlite:" + missing);

        var result = checker().check(database(Engine.SQLITE, url, null, null, "SELECT 1", Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("database file not found: ${APP_DATABASE_URL}");
        assertThat(missing).doesNotExist();
    }

    @Test
    void failing_liveness_query_is_down_with_sqlites_reason() {
        var result = checker().check(database(Engine.SQLITE, url(file), null, null, "SELECT * FROM no_such_table",
                Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("no such table: no_such_table");
    }

    @Test
    void liveness_query_cannot_write_because_the_file_is_opened_read_only() throws Exception {
        long sizeBefore = Files.size(file);
        var modifiedBefore = Files.getLastModifiedTime(file);

        var result = checker().check(database(Engine.SQLITE, url(file), null, null, "DELETE FROM jobs", Map.of()),
                TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).contains("readonly");
        assertThat(Files.size(file)).isEqualTo(sizeBefore);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modifiedBefore);
    }

    @Test
    void file_that_is_not_a_database_is_down() throws Exception {
        var notes = directory.resolve("notes.txt");
        Files.writeString(notes, "this is not a database, only a file a typo pointed at ".repeat(20));

        var result = checker().check(database(Engine.SQLITE, url(notes), null, null, "SELECT 1", Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("file is not a database");
    }

    @Test
    void failing_capture_is_degraded_and_keeps_the_other_values() {
        var entity = database(Engine.SQLITE, url(file), null, null, "SELECT 1",
                Map.of("jobs", "SELECT count(*) FROM jobs", "broken", "SELECT nope FROM jobs"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.error()).isEqualTo("capture 'broken' failed: no such column: nope");
        assertThat(result.extra()).containsOnly(Map.entry("jobs", "3"));
    }

    @Test
    void runaway_query_is_stopped_at_the_deadline() {
        // Counts to a billion: minutes of work for SQLite, unless it is interrupted.
        var runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
                + " SELECT count(*) FROM n";

        long started = System.nanoTime();
        var result = checker().check(database(Engine.SQLITE, url(file), null, null, runaway, Map.of()),
                java.time.Duration.ofMillis(500));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("timeout after 500 ms");
        assertThat(tookMillis).isLessThan(1500);
    }

    @Test
    void runaway_queries_given_up_on_stop_and_leave_room_for_the_next_check() {
        // A query still running in SQLite's native code would hold its virtual thread's carrier; one more
        // of them than there are carriers would leave no carrier for the next check, which would time out.
        var runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
                + " SELECT count(*) FROM n";
        for (int carrier = 0; carrier <= Runtime.getRuntime().availableProcessors(); carrier++) {
            var result = checker().check(database(Engine.SQLITE, url(file), null, null, runaway, Map.of()),
                    java.time.Duration.ofMillis(300));
            assertThat(result.error()).isEqualTo("timeout after 300 ms");
        }

        var next = checker().check(database(Engine.SQLITE, url(file), null, null, "SELECT 1", Map.of()), TIMEOUT);

        assertThat(next.status()).as(next.error()).isEqualTo(Status.UP);
    }
}
