package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./topowatch serve topology.yaml.example} as a new user runs it (only its port moved to a free
 * one), with its real local targets: the first checks come within the first seconds and a failed one
 * is retried after {@code retry_interval}, so its mix of up, down, blocked and degraded is there
 * within 15 s of start by the board's own record, not two intervals later.
 */
class BoardExampleTest {
    @TempDir
    Path directory;
    private BoardHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void the_example_board_shows_its_whole_mix_within_fifteen_seconds_of_start() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var example = Files.readString(Path.of("..", "topology.yaml.example")).replace("127.0.0.1:8080", "127.0.0.1:" + port)
                .replace("port: 8080", "port: " + port);
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, example);
        var started = Instant.now();
        harness = BoardHarness.start(file, directory.resolve("topowatch.db"), Map.of(), port);

        var root = harness.awaitStatus("postgres_main", "down");
        harness.awaitStatus("orders_api", "blocked");
        harness.awaitStatus("storefront", "blocked");
        harness.awaitStatus("cache_primary", "down");
        harness.awaitStatus("diagram_render", "degraded");
        harness.awaitStatus("board_api", "up");
        harness.awaitStatus("worker", "up");

        // Two failures confirmed it (failure_threshold 2): the second a retry, not the next interval
        // (a fresh check asked for the new root may have come in by the time it is read).
        assertThat(root.get("fail_count").asInt()).isGreaterThanOrEqualTo(2);
        for (var name : new String[] {"postgres_main", "orders_api", "cache_primary", "diagram_render", "board_api"}) {
            var since = Instant.parse(harness.json("/api/entities/" + name).get("since").asText());
            assertThat(Duration.between(started, since)).as(name).isLessThan(Duration.ofSeconds(15));
        }
    }
}
