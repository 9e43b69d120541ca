package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.topowatch.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and unusual files written into a running board's topology file, one after another, each as
 * a user would see it: the error with its file, line and column in {@code reload_errors} (which the
 * page's banner shows), one webhook alert naming it, and the last good topology still running. Among
 * them the empty and null documents that once ended in an exception only the log saw.
 */
@Tag("slow")
class BoardHostileReloadTest {
    private static final String HEAD = """
            defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
            entities:
              db: {type: tcp, host: 127.0.0.1, port: 1}
            """;

    @TempDir
    Path directory;

    private WebhookReceiver webhook;
    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        webhook = new WebhookReceiver();
        harness = BoardHarness.start(directory, "alerts: {group_window: 0s, webhooks: [{url: \"" + webhook.url() + "\"}]}\n" + HEAD);
    }

    @AfterEach
    void stop() {
        harness.close();
        webhook.close();
    }

    /** Each bad file, and what its error must say after {@code topology.yaml:LINE:COL: }. */
    private static Map<String, byte[]> badFiles() {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("2:1: the document is empty", "---\n".getBytes(StandardCharsets.UTF_8));
        files.put("1:1: the document is empty: a topology needs at least 'entities:'", "~\n".getBytes(StandardCharsets.UTF_8));
        files.put("3:1: the document is empty", "%YAML 1.2\n---\n".getBytes(StandardCharsets.UTF_8));
        files.put("1:1: the file must be a mapping of key: value, not a single value", "!foo\n".getBytes(StandardCharsets.UTF_8));
        files.put("1:21: alerts.webhooks[0]: a webhook must be a mapping of key: value, not empty",
                ("alerts: {webhooks: [~]}\n" + HEAD).getBytes(StandardCharsets.UTF_8));
        files.put("'depends_on' items must not be empty",
                (HEAD + "  api: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db, ~]}\n").getBytes(StandardCharsets.UTF_8));
        var amplified = new StringBuilder(HEAD).append("  big: {type: tcp, host: 127.0.0.1, port: 3, description: &big ")
                .append("x".repeat(100_000)).append("}\n  api:\n    type: tcp\n    host: 127.0.0.1\n    port: 4\n    extra:\n");
        for (int i = 0; i < 100; i++) {
            amplified.append("      k").append(i).append(": *big\n");
        }
        files.put("YAML refused: the document, with its aliases expanded, is larger than 4 MiB",
                amplified.toString().getBytes(StandardCharsets.UTF_8));
        files.put("YAML refused: nested deeper than 64 levels",
                (HEAD + "  deep: " + "[".repeat(100) + "]".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8));
        var latin1 = (HEAD + "  cafe: {type: tcp, host: 127.0.0.1, port: 5, description: caf\u00e9}\n").getBytes(StandardCharsets.ISO_8859_1);
        files.put("the file is not UTF-8 text: byte 0xE9", latin1);
        files.put("YAML syntax: an escape such as", (HEAD + "  x: {type: tcp, host: 127.0.0.1, port: 6, description: \"a\\u")
                .getBytes(StandardCharsets.UTF_8));
        files.put("'board.title' must be one line of visible text, without U+202E (right-to-left override)",
                ("board: {title: \"ops \\u202Eboard\"}\n" + HEAD).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void every_bad_file_is_reported_with_its_place_and_alerted_once_while_the_last_good_topology_runs() throws Exception {
        var alerted = new ArrayList<String>();
        for (var bad : badFiles().entrySet()) {
            Files.write(harness.file, bad.getValue());

            var errors = awaitReloadErrors(bad.getKey());

            assertThat(errors).as(bad.getKey()).allSatisfy(error -> assertThat(error)
                    .matches(java.util.regex.Pattern.quote(harness.file.toString()) + ":[1-9][0-9]*:[1-9][0-9]*: .+"));
            assertThat(harness.json("/api/entities").findValuesAsText("name")).as("the last good topology runs").containsExactly("db");
            var alerts = awaitTopologyAlerts(alerted.size() + 1);
            assertThat(alerts.getLast().get("errors").toString()).as(bad.getKey()).contains(bad.getKey().replaceFirst("^\\d+:\\d+: ", ""));
            alerted.add(bad.getKey());
        }
        Thread.sleep(1500);
        assertThat(topologyAlerts()).as("one alert per bad file, none repeated").hasSize(alerted.size());
    }

    private List<JsonNode> topologyAlerts() throws Exception {
        var alerts = new ArrayList<JsonNode>();
        for (var call : webhook.accepted()) {
            var alert = BoardHarness.JSON.readTree(call.body());
            if (alert.get("event").asText().equals("topology_invalid")) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    private List<JsonNode> awaitTopologyAlerts(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (topologyAlerts().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(topologyAlerts()).hasSize(count);
        return topologyAlerts();
    }

    /** Polls the summary until one reload error ends with {@code expected} (after FILE:LINE:COL: when it starts with a place). */
    private List<String> awaitReloadErrors(String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<String> errors = List.of();
        while (System.nanoTime() < deadline) {
            JsonNode node = harness.json("/api/summary").get("topology").get("reload_errors");
            errors = new ArrayList<>();
            for (var error : node) {
                errors.add(error.asText());
            }
            if (errors.stream().anyMatch(error -> error.startsWith(harness.file + ":" + (Character.isDigit(expected.charAt(0)) ? expected : ""))
                    && error.contains(expected.replaceFirst("^\\d+:\\d+: ", "")))) {
                return errors;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("reload_errors never showed '" + expected + "'; last: " + errors);
    }
}
