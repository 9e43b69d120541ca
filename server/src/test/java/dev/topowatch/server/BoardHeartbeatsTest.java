package dev.topowatch.server;

import dev.topowatch.server.testing.RunningClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats on a whole board, as a job's cron line meets them: pushes as Uptime Kuma takes them
 * (GET or POST, status, msg, ping, in the query or a JSON body), the last push outliving a restart,
 * and neither a restart nor a first start turning a heartbeat red before its max_silence has passed.
 * The board runs on a clock the test moves, so no test waits out a max_silence.
 */
class BoardHeartbeatsTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TOPOLOGY = """
            defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
            entities:
              backup: {type: heartbeat, max_silence: 60s, token: push-t0ken}
              nightly: {type: heartbeat, max_silence: 25h, token: push-t0ken}
            """;

    @TempDir
    Path directory;
    private final RunningClock clock = new RunningClock(START);
    private BoardHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void start() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY, clock);
    }

    /** The entity as its first check at or after the clock's present left it. */
    private com.fasterxml.jackson.databind.JsonNode checkedFromNow(String name) throws Exception {
        var now = clock.instant();
        return harness.awaitEntity(name, entity -> !entity.get("lastcheck").isNull()
                && !Instant.parse(entity.get("lastcheck").asText()).isBefore(now));
    }

    private HttpResponse<String> push(String method, String query, String body) throws Exception {
        var request = HttpRequest.newBuilder(harness.uri("/api/push/backup?token=push-t0ken" + query))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return harness.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_push_saying_down_with_a_message_is_down_with_that_error_and_its_ping_is_the_checks_latency() throws Exception {
        start();

        var answer = push("POST", "&status=down&msg=disk%20full&ping=12", null);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(BoardHarness.JSON.readTree(answer.body()).get("status").asText()).isEqualTo("down");
        var backup = harness.awaitStatus("backup", "down");
        assertThat(backup.get("last_error").asText()).isEqualTo("disk full");
        assertThat(backup.get("latency_ms").asLong()).isEqualTo(12);
    }

    @Test
    void a_plain_get_push_from_cron_counts_and_a_head_is_refused_without_pushing() throws Exception {
        start();
        assertThat(push("HEAD", "", null).statusCode()).isEqualTo(405);
        assertThat(checkedFromNow("backup").get("status").asText()).as("HEAD pushed nothing").isEqualTo("unknown");

        assertThat(push("GET", "", null).statusCode()).isEqualTo(202);

        harness.awaitStatus("backup", "up");
    }

    @Test
    void the_same_fields_in_a_json_body_count_and_an_up_message_is_shown_beside_the_status() throws Exception {
        start();

        assertThat(push("POST", "", "{\"status\": \"up\", \"msg\": \"3 files, 1.2 GB\", \"ping\": 250.5}").statusCode()).isEqualTo(202);

        var backup = harness.awaitStatus("backup", "up");
        assertThat(backup.get("extra").get("message").asText()).isEqualTo("3 files, 1.2 GB");
        assertThat(backup.get("latency_ms").asLong()).isEqualTo(250);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '`', value = {
            "GET  | &status=sideways          | -                       | 'status' must be up or down, got 'sideways'",
            "GET  | &ping=-1                  | -                       | 'ping' must be a latency in milliseconds",
            "POST | &ping=abc                 | -                       | 'ping' must be a latency in milliseconds from 0 to 86400000, such as 12 or 12.5, got 'abc'",
            "POST | -                         | {\"status\": \"down!\"}     | 'status' must be up or down, got 'down!'",
            "POST | -                         | {\"ping\": true}            | 'ping' must be a string or a number, not boolean",
            "POST | -                         | {\"satus\": \"down\"}       | unknown field 'satus' in the body (known: status, msg, ping)",
            "POST | &status=up                | {\"status\": \"down\"}      | 'status' is given twice: in the query string and in the body",
            "POST | -                         | status=down             | the body must be a JSON object"})
    void a_bad_value_is_refused_with_a_400_naming_its_field_and_pushes_nothing(String method, String query, String body,
                                                                             String detail) throws Exception {
        start();

        var answer = push(method, query == null ? "" : query, body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(BoardHarness.JSON.readTree(answer.body()).get("detail").asText()).startsWith(detail);
        assertThat(checkedFromNow("backup").get("status").asText()).isEqualTo("unknown");
    }

    @Test
    void a_message_longer_than_1024_characters_is_refused_naming_msg() throws Exception {
        start();

        var answer = push("POST", "&msg=" + "x".repeat(1025), null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(BoardHarness.JSON.readTree(answer.body()).get("detail").asText()).isEqualTo("'msg' is 1025 characters long; at most 1024 are kept");
    }

    @Test
    void at_first_start_a_heartbeat_is_pending_until_its_max_silence_has_passed_since_the_start() throws Exception {
        start();

        var waiting = checkedFromNow("backup");
        var nightly = checkedFromNow("nightly");
        assertThat(waiting.get("status").asText()).isEqualTo("unknown");
        assertThat(waiting.get("last_error").asText()).startsWith("waiting for a push: down if none arrives by 2026-12-01T10:01:00");
        assertThat(nightly.get("status").asText()).isEqualTo("unknown");

        clock.advance(Duration.ofSeconds(61));

        var silent = harness.awaitStatus("backup", "down");
        assertThat(silent.get("last_error").asText()).matches("no heartbeat received in the 1m\\d+s since the board started listening \\(max_silence 1m\\)");
        assertThat(checkedFromNow("nightly").get("status").asText()).as("25 h have not passed").isEqualTo("unknown");
    }

    @Test
    void a_heartbeat_pushed_30_s_before_a_restart_is_up_after_it_and_pending_not_down_until_max_silence_after_the_restart() throws Exception {
        start();
        assertThat(harness.send("POST", "/api/push/backup?token=push-t0ken").statusCode()).isEqualTo(202);
        harness.awaitStatus("backup", "up");
        harness.close();

        clock.advance(Duration.ofSeconds(30));
        harness = BoardHarness.start(harness.file, harness.database, Map.of(), 0, clock);

        assertThat(checkedFromNow("backup").get("status").asText()).as("the push is 30 s old: kept across the restart").isEqualTo("up");
        clock.advance(Duration.ofSeconds(45));
        var afterMaxSilence = checkedFromNow("backup");
        assertThat(afterMaxSilence.get("status").asText()).as("75 s since the push, 45 s since the restart").isEqualTo("unknown");
        clock.advance(Duration.ofSeconds(16));
        var silent = harness.awaitStatus("backup", "down");
        assertThat(silent.get("last_error").asText()).matches("no heartbeat for 1m3\\ds \\(max_silence 1m\\)");
    }
}
