package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The board page's files, served from memory: every one of the frontend's, with its type, revalidated by ETag. */
class BoardFilesTest {
    private static final Path FRONTEND = Path.of("..", "frontend", "src", "main", "resources", "topowatch", "board");

    @TempDir
    Path directory;

    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = BoardHarness.start(directory, "entities:\n  web: {type: tcp, host: 127.0.0.1, port: 1}\n");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void every_file_of_the_frontend_is_served_as_it_is_with_its_type() throws Exception {
        try (var files = Files.list(FRONTEND)) {
            var names = files.map(file -> file.getFileName().toString()).sorted().toList();
            assertThat(names).contains("index.html", "board.js");
            for (var name : names) {
                var answer = harness.get("/" + name);
                assertThat(answer.statusCode()).as(name).isEqualTo(200);
                assertThat(answer.body()).as(name).isEqualTo(Files.readString(FRONTEND.resolve(name)));
                var type = answer.headers().firstValue("Content-Type").orElseThrow();
                assertThat(type).as(name).startsWith(switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "html" -> "text/html";
                    case "js" -> "text/javascript";
                    case "css" -> "text/css";
                    case "svg" -> "image/svg+xml";
                    default -> "a type for " + name;
                });
            }
        }
        assertThat(harness.get("/").body()).isEqualTo(Files.readString(FRONTEND.resolve("index.html")));
        assertThat(harness.get("/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void head_answers_as_get_would_without_the_body() throws Exception {
        var page = harness.send("HEAD", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("ETag")).isPresent();
        assertThat(page.body()).isEmpty();

        assertThat(harness.send("HEAD", "/api/entities/web").statusCode()).isEqualTo(200);
        assertThat(harness.send("HEAD", "/api/entities/nope").statusCode()).isEqualTo(404);
        assertThat(harness.send("HEAD", "/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void an_unchanged_file_is_not_sent_again() throws Exception {
        var first = harness.get("/board.js");
        var etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");

        var again = harness.get("/board.js", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(harness.get("/board.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }
}
