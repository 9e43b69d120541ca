package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database file locked by another process: checks go on from memory, /health/ready and the
 * summary (which the page shows as a banner) say what is wrong, and when the lock goes the queued
 * writes land: nothing is lost and nothing needs a restart.
 */
@Tag("slow")
class BoardStoreFaultsTest {
    @TempDir
    Path directory;

    @Test
    void a_locked_database_is_reported_while_checks_go_on_and_writes_resume_when_it_is_free() throws Exception {
        try (var harness = BoardHarness.start(directory, """
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                """)) {
            harness.awaitEntity("db", db -> db.get("fail_count").asLong() >= 2);

            try (var other = DriverManager.getConnection("jdbc:sqlite:" + harness.database); var statement = other.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("BEGIN EXCLUSIVE");
                var summary = await(harness, json -> !json.get("store").get("writable").asBoolean());
                assertThat(summary.get("store").get("last_error").asText()).contains("locked");
                var ready = harness.get("/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("locked");
                assertThat(harness.send("HEAD", "/health/ready").statusCode()).as("a monitor's HEAD probe").isEqualTo(503);

                var checkedBefore = Instant.parse(harness.json("/api/entities/db").get("lastcheck").asText());
                harness.awaitEntity("db", db -> Instant.parse(db.get("lastcheck").asText()).isAfter(checkedBefore.plusSeconds(1)));
                statement.execute("ROLLBACK");
            }

            await(harness, json -> json.get("store").get("writable").asBoolean());
            assertThat(harness.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(harness.send("HEAD", "/health/ready").statusCode()).isEqualTo(200);
            long inMemory = harness.json("/api/entities/db").get("fail_count").asLong();
            harness.board.close();
            try (var reader = DriverManager.getConnection("jdbc:sqlite:" + harness.database);
                 var rows = reader.createStatement().executeQuery("SELECT state FROM entity_state WHERE name = 'db'")) {
                assertThat(rows.next()).isTrue();
                var stored = BoardHarness.JSON.readTree(rows.getString(1)).get("fail_count").asLong();
                assertThat(stored).as("what was counted while the file was locked reached it").isGreaterThanOrEqualTo(inMemory);
            }
        }
    }

    private static JsonNode await(BoardHarness harness, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        var summary = harness.json("/api/summary");
        while (!condition.test(summary) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            summary = harness.json("/api/summary");
        }
        assertThat(condition.test(summary)).as("summary never got there: %s", summary.get("store")).isTrue();
        return summary;
    }
}
