package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board as systemd runs it, in its own JVM: {@code systemctl reload} sends SIGHUP, which reloads the
 * topology and reports it as any reload is reported (the log, {@code reload_errors}); and with standard
 * error connected to the journal ({@code JOURNAL_STREAM} naming it) the log lines carry no timestamp of
 * their own, since the journal stamps them.
 */
class BoardHangUpTest {
    private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPOLOGY = """
            board: {title: one}
            defaults: {interval: 1s, timeout: 500ms}
            entities:
              db: {type: tcp, host: 127.0.0.1, port: 1}
            """;

    @TempDir
    Path directory;

    @Test
    void sighup_reloads_the_topology_and_reports_a_bad_one_and_the_journal_gets_lines_without_timestamps() throws Exception {
        // The board watches the folder of the file it was given; the file links to one in another folder,
        // and every edit below keeps the size, the modification time and the inode, so that neither the
        // watcher's events nor its polling see it: only the signal can make the board read it again.
        var real = Files.createDirectories(directory.resolve("etc")).resolve("topology.yaml");
        Files.writeString(real, TOPOLOGY);
        var given = Files.createDirectories(directory.resolve("run")).resolve("topology.yaml");
        Files.createSymbolicLink(given, real);
        var log = directory.resolve("stderr.log");
        Files.createFile(log);
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.topowatch.server.cli.Main",
                "serve", given.toString(), "--listen", "127.0.0.1:0", "--database", directory.resolve("board.db").toString());
        var builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("JOURNAL_STREAM", Files.getAttribute(log, "unix:dev") + ":" + Files.getAttribute(log, "unix:ino"));
        var board = builder.start();
        var port = new CompletableFuture<Integer>();
        Thread.ofPlatform().daemon().start(() -> awaitServing(board, port));
        try {
            var base = "http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS);
            await(base + "/api/summary", summary -> summary.get("topology").get("version").asInt() == 1);

            editUnseen(real, TOPOLOGY.replace("title: one", "title: two").replace("  db:", "  ab:"));
            hangUp(board);
            var reloaded = await(base + "/api/summary", summary -> summary.get("topology").get("version").asInt() == 2);
            assertThat(reloaded.get("topology").get("reload_errors")).isEmpty();
            assertThat(json(base + "/api/entities").findValuesAsText("name")).containsExactly("ab");

            editUnseen(real, TOPOLOGY.replace("title: one", "title: two").replace("  db:", "  ab:").replace("tcp", "tcq"));
            hangUp(board);
            var rejected = await(base + "/api/summary", summary -> !summary.get("topology").get("reload_errors").isEmpty());
            assertThat(rejected.get("topology").get("reload_errors").get(0).asText()).contains("topology.yaml:4:").contains("'tcq'");
            assertThat(rejected.get("topology").get("version").asInt()).as("the last good topology runs on").isEqualTo(2);
            assertThat(json(base + "/api/entities").findValuesAsText("name")).containsExactly("ab");
        } finally {
            board.destroy();
            if (!board.waitFor(30, TimeUnit.SECONDS)) {
                board.destroyForcibly();
            }
        }
        var lines = Files.readAllLines(log);
        assertThat(lines).filteredOn(line -> line.contains("SIGHUP: reloading the topology")).hasSize(2);
        assertThat(lines).anyMatch(line -> line.contains("topology reloaded") && line.contains("version=2"));
        assertThat(lines).anyMatch(line -> line.contains("reload rejected") && line.contains("'tcq'"));
        assertThat(lines).as("the journal stamps each line: no timestamp of our own")
                .noneMatch(line -> line.matches("^\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    /** Rewrites the file in place, same length, and puts its modification time back. */
    private static void editUnseen(Path file, String text) throws Exception {
        var before = Files.readAttributes(file, BasicFileAttributes.class);
        assertThat(text).hasSameSizeAs(Files.readString(file));
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, before.lastModifiedTime());
        var after = Files.readAttributes(file, BasicFileAttributes.class);
        assertThat(List.of(after.size(), after.lastModifiedTime(), after.fileKey()))
                .as("nothing a stat shows has moved").isEqualTo(List.of(before.size(), before.lastModifiedTime(), before.fileKey()));
    }

    private static void hangUp(Process board) throws Exception {
        assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(board.pid())).inheritIO().start().waitFor()).isZero();
    }

    private static void awaitServing(Process board, CompletableFuture<Integer> port) {
        try (var lines = new BufferedReader(new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                var serving = SERVING.matcher(line);
                if (serving.find()) {
                    port.complete(Integer.parseInt(serving.group(1)));
                }
            }
        } catch (java.io.IOException closed) {
            // the board ended
        }
        port.completeExceptionally(new IllegalStateException("the board ended before serving"));
    }

    private static JsonNode json(String url) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return BoardHarness.JSON.readTree(response.body());
    }

    private static JsonNode await(String url, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var json = json(url);
        while (!condition.test(json) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            json = json(url);
        }
        assertThat(condition.test(json)).as("waited 30 s for %s, last: %s", url, json).isTrue();
        return json;
    }
}
