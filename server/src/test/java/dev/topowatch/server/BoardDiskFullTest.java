package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk under a running board, for real and without root: the board runs in its own JVM under
 * a file-size limit (RLIMIT_FSIZE, set by util-linux's {@code prlimit}), so SQLite's writes fail as
 * on a full filesystem (a short write is {@code SQLITE_FULL}, a refused one a disk I/O error). Then
 * the limit is lifted from outside, as when space is freed. {@code bench/reliability/diskfull.py}
 * does the same with a real tmpfs, as root.
 */
@Tag("slow")
class BoardDiskFullTest {
    /** Above the SQLite library the driver unpacks at start (1.1 MB), below a few seconds of writes. */
    private static final long LIMIT_BYTES = 2_000_000;
    private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void a_full_disk_is_reported_checks_go_on_and_what_was_counted_meanwhile_lands_once_there_is_room() throws Exception {
        var prlimit = Path.of("/usr/bin/prlimit");
        assumeTrue(Files.isExecutable(prlimit) || "true".equals(System.getenv("CI")), "no prlimit (util-linux) here");
        var topology = directory.resolve("topology.yaml");
        var yaml = new StringBuilder("defaults: {interval: 1s, timeout: 500ms}\nentities:\n");
        for (int i = 0; i < 1000; i++) {
            // A closed port: refused at once, so a thousand results a second reach the store.
            yaml.append("  svc-").append(i).append(": {type: tcp, host: 127.0.0.1, port: 1}\n");
        }
        Files.writeString(topology, yaml);
        var database = directory.resolve("board.db");
        var command = List.of(prlimit.toString(), "--fsize=" + LIMIT_BYTES + ":unlimited",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.topowatch.server.cli.Main",
                "serve", topology.toString(), "--listen", "127.0.0.1:0", "--database", database.toString());
        var board = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new ArrayList<String>();
        var port = new CompletableFuture<Integer>();
        Thread.ofPlatform().daemon().start(() -> drain(board, output, port));
        long countedWhileFull;
        try {
            var base = "http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS);

            var full = await(base + "/api/summary", summary -> !summary.get("store").get("writable").asBoolean());
            var error = full.get("store").get("last_error").asText();
            assertThat(error).as("the cause, not the failed rollback after it").containsAnyOf("SQLITE_FULL", "SQLITE_IOERR")
                    .doesNotContain("no transaction is active");
            var ready = get(base + "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).containsAnyOf("SQLITE_FULL", "SQLITE_IOERR");

            long failsWhenFull = entity(base).get("fail_count").asLong();
            await(base + "/api/entities/svc-0", svc -> svc.get("fail_count").asLong() >= failsWhenFull + 3);

            var lifted = new ProcessBuilder(prlimit.toString(), "--pid", Long.toString(board.pid()), "--fsize=unlimited:unlimited")
                    .inheritIO().start();
            assertThat(lifted.waitFor()).isZero();
            // The backlog of the full disk has landed: less than one batch waits. Not exactly none: a
            // thousand results a second keep arriving, and on a busy machine a poll rarely finds the
            // writer between the batch it just wrote and the next result.
            await(base + "/api/summary", summary -> summary.get("store").get("writable").asBoolean()
                    && summary.get("store").get("queued").asLong() < 1000);
            assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
            countedWhileFull = entity(base).get("fail_count").asLong();
        } finally {
            board.destroy();
            if (!board.waitFor(30, TimeUnit.SECONDS)) {
                board.destroyForcibly();
            }
        }
        assertThat(String.join("\n", output)).as("one start, no crash loop").containsOnlyOnce("topowatch: serving");

        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database); var statement = connection.createStatement()) {
            try (var check = statement.executeQuery("PRAGMA integrity_check")) {
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            try (var row = statement.executeQuery("SELECT state FROM entity_state WHERE name = 'svc-0'")) {
                assertThat(row.next()).isTrue();
                assertThat(BoardHarness.JSON.readTree(row.getString(1)).get("fail_count").asLong())
                        .as("what was counted while the disk was full reached the file").isGreaterThanOrEqualTo(countedWhileFull);
            }
        }
    }

    private static void drain(Process board, List<String> output, CompletableFuture<Integer> port) {
        try (var lines = new BufferedReader(new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                var serving = SERVING.matcher(line);
                if (serving.find()) {
                    port.complete(Integer.parseInt(serving.group(1)));
                }
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (java.io.IOException closed) {
            // the board ended
        }
        port.completeExceptionally(new IllegalStateException("the board ended before serving: " + output));
    }

    private static JsonNode entity(String base) throws Exception {
        return BoardHarness.JSON.readTree(get(base + "/api/entities/svc-0").body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode await(String url, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        var json = BoardHarness.JSON.readTree(get(url).body());
        while (!condition.test(json) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            json = BoardHarness.JSON.readTree(get(url).body());
        }
        assertThat(condition.test(json)).as("waited 90 s for %s, last: %s", url, json).isTrue();
        return json;
    }
}
