package dev.topowatch.checkers.database;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import static dev.topowatch.checkers.database.DatabaseEntities.TIMEOUT;
import static dev.topowatch.checkers.database.DatabaseEntities.checker;
import static dev.topowatch.checkers.database.DatabaseEntities.database;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a real PostgreSQL, started once for the class, that asks the {@code app} role for a password. */
@Tag("slow")
class PostgresCheckTest {
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    static Path dataDirectory;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = RealServers.startOrSkip("PostgreSQL", () -> EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("data"))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // initdb trusts everyone; a wrong password can only be refused if one is asked for.
                .setDataDirectoryCustomizer(directory -> writePasswordRules(directory.toPath()))
                .start());
        try (var admin = DriverManager.getConnection(url("postgres"), "postgres", "");
             var statement = admin.createStatement()) {
            statement.execute("CREATE ROLE app LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE DATABASE app OWNER app");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void writePasswordRules(Path directory) {
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    """);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Test
    void reachable_database_is_up_and_shows_its_captured_size() {
        var entity = database(Engine.POSTGRESQL, ConfigText.literal(url("app")), "app", PASSWORD, "SELECT 1",
                Map.of("db_size", "SELECT pg_size_pretty(pg_database_size(current_database()))",
                        "version", "SHOW server_version"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.error()).isNull();
        assertThat(result.extra()).containsOnlyKeys("db_size", "version");
        assertThat(result.extra().get("db_size")).matches("\\d+ (bytes|kB|MB)");
        assertThat(result.extra().get("version")).startsWith("18.");
        assertThat(result.details()).containsEntry("engine", "postgresql");
        assertThat(result.at()).isEqualTo(DatabaseEntities.NOW);
    }

    @Test
    void wrong_password_is_down_without_showing_the_password() {
        var wrong = "hunter2-not-it";
        var result = checker().check(database(Engine.POSTGRESQL, url("app"), "app", wrong), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("password authentication failed for user \"app\"");
        assertThat(result.error()).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void password_written_into_the_url_is_never_shown_in_the_error() {
        var secret = "s3cr3t-in-the-url";
        var withPassword = ConfigText.literal(url("no_such_db") + "?user=app&password=" + secret);

        var result = checker().check(database(Engine.POSTGRESQL, withPassword, null, null, "SELECT 1", Map.of()),
                TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).doesNotContain(secret);
    }

    @Test
    void unknown_database_is_down_and_named() {
        var result = checker().check(database(Engine.POSTGRESQL, url("no_such_db"), "postgres", ""), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("database \"no_such_db\" does not exist");
    }

    @Test
    void failing_liveness_query_is_down_with_the_servers_reason() {
        var entity = database(Engine.POSTGRESQL, ConfigText.literal(url("app")), "app", PASSWORD,
                "SELECT * FROM no_such_table", Map.of());

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("relation \"no_such_table\" does not exist");
    }

    @Test
    void liveness_query_cannot_write_because_the_session_is_read_only() {
        var entity = database(Engine.POSTGRESQL, ConfigText.literal(url("app")), "app", PASSWORD,
                "CREATE TABLE written_by_a_health_check (id int)", Map.of());

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).contains("read-only transaction");
    }

    @Test
    void failing_capture_is_degraded_and_keeps_the_other_values() {
        var entity = database(Engine.POSTGRESQL, ConfigText.literal(url("app")), "app", PASSWORD, "SELECT 1",
                Map.of("connections", "SELECT count(*) FROM pg_stat_activity",
                        "broken", "SELECT nope FROM no_such_table"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.error()).isEqualTo("capture 'broken' failed: relation \"no_such_table\" does not exist");
        assertThat(result.extra()).containsOnlyKeys("connections");
    }

    @Test
    void slow_capture_is_degraded_with_a_timeout_and_keeps_what_was_captured() {
        // Captures run in the order of their names: db_size first, then slow.
        var entity = database(Engine.POSTGRESQL, ConfigText.literal(url("app")), "app", PASSWORD, "SELECT 1",
                Map.of("db_size", "SELECT pg_size_pretty(pg_database_size(current_database()))",
                        "slow", "SELECT pg_sleep(30)::text"));

        var result = checker().check(entity, java.time.Duration.ofMillis(1000));

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.error()).isEqualTo("capture 'slow' failed: timeout after 1000 ms");
        assertThat(result.extra()).containsOnlyKeys("db_size");
    }

    @Test
    void slow_liveness_query_is_down_with_a_timeout_once_the_deadline_passes() {
        var entity = database(Engine.POSTGRESQL, ConfigText.literal(url("app")), "app", PASSWORD,
                "SELECT pg_sleep(30)", Map.of());

        long started = System.nanoTime();
        var result = checker().check(entity, java.time.Duration.ofMillis(1000));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("timeout after 1000 ms");
        assertThat(tookMillis).isLessThan(3000);
    }
}
