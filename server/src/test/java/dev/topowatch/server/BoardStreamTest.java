package dev.topowatch.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/stream as a browser meets it: a snapshot on connect, updates as statuses change, and Last-Event-ID replay. */
class BoardStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path directory;

    private HttpServer target;
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            var body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(healthStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        harness = BoardHarness.start(directory, """
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1, success_threshold: 1}
                entities:
                  web:
                    type: api
                    url: http://127.0.0.1:%d/health
                """.formatted(target.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        harness.close();
        target.stop(0);
    }

    @Test
    void a_client_that_does_not_ask_for_an_event_stream_is_told_what_to_send() throws Exception {
        for (var accept : new String[] {"*/*", "application/json"}) {
            var answer = harness.get("/api/stream", "Accept", accept);

            assertThat(answer.statusCode()).as(accept).isEqualTo(406);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(answer.body()).contains("\"error\":\"not_acceptable\"").contains("Accept: text/event-stream");
        }
    }

    @Test
    void a_client_gets_a_snapshot_then_the_change_when_a_target_goes_down() throws Exception {
        harness.awaitStatus("web", "up");
        try (var stream = new SseClient(harness.uri("/api/stream"), null)) {
            var snapshot = stream.next("snapshot", WAIT);
            assertThat(BoardHarness.JSON.readTree(snapshot.data()).get("entities").findValuesAsText("status")).containsExactly("up");

            healthStatus.set(503);

            SseClient.Event update;
            do {
                update = stream.next("update", WAIT);
            } while (!update.data().contains("\"status\":\"down\""));
            var body = BoardHarness.JSON.readTree(update.data());
            assertThat(body.get("summary").get("counts").get("down").asInt()).isEqualTo(1);
            assertThat(update.id()).isNotBlank();
            // What a board redraws from, no more: the rest is one GET /api/entities/web away.
            var web = body.get("entities").get(0);
            assertThat(web.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("name", "status", "since", "success_ratio", "latency_ms", "last_error");
            assertThat(web.get("last_error").asText()).contains("503");
        }
    }

    @Test
    void a_reconnecting_client_gets_what_it_missed_after_its_last_event_id() throws Exception {
        harness.awaitStatus("web", "up");
        String lastSeen;
        try (var stream = new SseClient(harness.uri("/api/stream"), null)) {
            stream.next("snapshot", WAIT);
            lastSeen = stream.next("update", WAIT).id();
        }

        healthStatus.set(503);
        harness.awaitStatus("web", "down");
        Thread.sleep(600);

        try (var again = new SseClient(harness.uri("/api/stream"), lastSeen)) {
            SseClient.Event replayed;
            do {
                replayed = again.next("update", WAIT);
                assertThat(Long.parseLong(replayed.id())).isGreaterThan(Long.parseLong(lastSeen));
            } while (!replayed.data().contains("\"status\":\"down\""));
        }
    }

    @Test
    void a_client_with_an_unknown_last_event_id_gets_a_fresh_snapshot() throws Exception {
        try (var stream = new SseClient(harness.uri("/api/stream"), "999999")) {
            var snapshot = stream.next("snapshot", WAIT);
            assertThat(snapshot.data()).contains("\"name\":\"web\"");
        }
    }
}
