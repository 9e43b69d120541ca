package dev.topowatch.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Values given as ${VAR} are used, and appear in no response of the board and no line of its log. */
class BoardSecretsTest {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "BOARD_TOKEN", "b0ard-secret-token",
            "READ_TOKEN", "r3ad-secret-token",
            "PG_PASSWORD", "pg-secret-passw0rd",
            "API_KEY", "api-secret-k3y",
            "PUSH_TOKEN", "push-secret-t0ken",
            "BOT_TOKEN", "424242:b0t-secret-t0ken",
            "HOOK_SECRET", "h00k-secret-hmac");

    @TempDir
    Path directory;

    @Test
    void no_response_and_no_log_line_contains_a_secret() throws Exception {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, """
                board: {token: "${BOARD_TOKEN}", read_token: "${READ_TOKEN}"}
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                alerts:
                  group_window: 100ms
                  telegram: {bot_token: "${BOT_TOKEN}", chat_id: 42, api_url: "http://127.0.0.1:1"}
                  webhooks:
                    - {url: "http://127.0.0.1:1/hook?key=${API_KEY}", secret: "${HOOK_SECRET}"}
                entities:
                  db:
                    type: database
                    url: jdbc:postgresql://127.0.0.1:1/app?password=${PG_PASSWORD}
                    password: ${PG_PASSWORD}
                    extra: {key: "${API_KEY}"}
                  api:
                    type: api
                    url: http://127.0.0.1:1/health?key=${API_KEY}
                    headers: {Authorization: "Bearer ${API_KEY}"}
                    depends_on: [db]
                  beat: {type: heartbeat, max_silence: 1h, token: "${PUSH_TOKEN}"}
                """);
        var log = new java.io.ByteArrayOutputStream();
        var stderr = System.err;
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                stderr.write(b);
                log.write(b);
            }
        }, true));
        try (var harness = BoardHarness.start(file, directory.resolve("board.db"), ENVIRONMENT)) {
            var read = new String[] {"Authorization", "Bearer r3ad-secret-token"};
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!harness.get("/api/entities/api", read).body().contains("\"blocked\"") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            var everything = new StringBuilder();
            for (var path : new String[] {"/api/entities", "/api/entities/db", "/api/entities/api", "/api/summary",
                    "/api/transitions", "/api/entities/db/history", "/metrics", "/openapi.json", "/health/ready", "/diagram.svg",
                    "/diagram.dot", "/diagram.puml"}) {
                var response = harness.get(path, read);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                everything.append(response.body());
            }
            try (var stream = new SseClient(harness.uri("/api/stream?token=r3ad-secret-token"), null)) {
                everything.append(stream.next("snapshot", Duration.ofSeconds(10)).data());
            }
            everything.append(harness.get("/api/entities/nope", read).body());
            everything.append(harness.send("POST", "/api/entities/db/check").body());

            // Alerts to unreachable channels have been tried and logged by now.
            deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!(log.toString().contains("channel=telegram:42") && log.toString().contains("channel=webhook:"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(everything.toString()).contains("\"db\"").contains("${API_KEY}")
                    .doesNotContain(ENVIRONMENT.values());
            assertThat(log.toString()).contains("channel=telegram:42").contains("channel=webhook:")
                    .doesNotContain(ENVIRONMENT.values());
        } finally {
            System.setErr(stderr);
        }
    }
}
