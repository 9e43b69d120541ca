package dev.topowatch.server;

import dev.topowatch.server.testing.RunningClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats on a whole board, as a job's cron line meets them: the last push outlives a restart,
 * and neither a restart nor a first start turns a heartbeat red before its max_silence has passed.
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
