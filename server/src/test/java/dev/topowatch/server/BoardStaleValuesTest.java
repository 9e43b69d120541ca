package dev.topowatch.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A captured value stays in the entity's JSON, marked stale with its time, while the entity fails. */
class BoardStaleValuesTest {
    @TempDir
    Path directory;

    @Test
    void the_last_captured_row_count_stays_marked_stale_while_the_api_fails_and_is_fresh_again_after() throws Exception {
        var healthy = new AtomicBoolean(true);
        var target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/stats", exchange -> {
            var body = (healthy.get() ? "{\"rows\": 42}" : "database unavailable").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(healthy.get() ? 200 : 500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        try (var harness = BoardHarness.start(directory, """
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                entities:
                  stats: {type: api, url: "http://127.0.0.1:%d/stats", capture: {rows: /rows}}
                """.formatted(target.getAddress().getPort()))) {
            var fresh = harness.awaitEntity("stats", json -> "42".equals(json.get("extra").path("rows").asText()));
            assertThat(fresh.get("extra_stale").asBoolean()).isFalse();
            var capturedAt = fresh.get("extra_at").asText();

            healthy.set(false);
            var failing = harness.awaitEntity("stats", json -> json.get("status").asText().equals("down")
                    && !json.get("lastcheck").asText().equals(capturedAt));

            assertThat(failing.get("extra").get("rows").asText()).isEqualTo("42");
            assertThat(failing.get("extra_stale").asBoolean()).isTrue();
            var staleAt = Instant.parse(failing.get("extra_at").asText());
            assertThat(staleAt).as("the last passing check's time (whole seconds), not the failing one's")
                    .isAfterOrEqualTo(Instant.parse(capturedAt)).isBeforeOrEqualTo(Instant.parse(failing.get("lastcheck").asText()));
            assertThat(failing.get("last_error").asText()).contains("500");

            healthy.set(true);
            harness.awaitEntity("stats", json -> json.get("status").asText().equals("up") && !json.get("extra_stale").asBoolean());
        } finally {
            target.stop(0);
        }
    }
}
