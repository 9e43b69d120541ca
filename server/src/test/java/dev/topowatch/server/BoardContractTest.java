package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What other tools rely on: the OpenAPI document matches the routes, and /metrics passes promtool. */
class BoardContractTest {

    @TempDir
    Path directory;

    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = BoardHarness.start(directory, """
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                entities:
                  vps: {type: server, host: 127.0.0.1, check: none}
                  db: {type: tcp, server: vps, host: 127.0.0.1, port: 1}
                """);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void the_openapi_document_describes_exactly_the_routes_served() throws Exception {
        var document = harness.json("/openapi.json");
        var described = new TreeSet<String>();
        document.get("paths").fields().forEachRemaining(path ->
                path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(described).isEqualTo(new TreeSet<>(harness.board.app().routes()));
        assertThat(document.get("openapi").asText()).startsWith("3.");
    }

    @Test
    void metrics_are_valid_prometheus_text_with_a_series_per_entity() throws Exception {
        harness.awaitStatus("db", "down");

        var response = harness.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        var text = response.body();
        assertThat(text).contains("topowatch_entity_up{entity=\"db\",project=\"\",server=\"vps\",type=\"tcp\"} 0.0")
                .contains("topowatch_entity_status_code{entity=\"db\",project=\"\",server=\"vps\",type=\"tcp\"} 2.0")
                .contains("topowatch_entities{status=\"down\"} 1.0")
                .contains("topowatch_checks_total{entity=\"db\",project=\"\",result=\"failure\",server=\"vps\",type=\"tcp\"}")
                .contains("topowatch_check_latency_seconds{entity=\"db\"")
                .contains("topowatch_entity_blocked{")
                .contains("jvm_memory_used_bytes")
                .contains("process_cpu_seconds_total");
        assertThat(text.lines().filter(line -> line.startsWith("topowatch_entity_status_code{"))).as("one status series per entity")
                .hasSize(harness.board.engine().topology().entities().size());
        promtool(text);
    }

    /** Runs promtool when it is installed (Debian's prometheus package); under CI it must be. */
    private void promtool(String metrics) throws Exception {
        var promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            assertThat(System.getenv("CI")).as("promtool is missing; CI installs Debian's prometheus package").isNotEqualTo("true");
            return;
        }
        var input = directory.resolve("metrics.txt");
        Files.writeString(input, metrics);
        var process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectInput(input.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
