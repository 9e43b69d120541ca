package dev.topowatch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    @TempDir
    Path directory;

    private HttpServer web;
    private int closedPort;

    @BeforeEach
    void start() throws IOException {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/health", exchange -> {
            var body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.start();
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        web.stop(0);
    }

    private Path topology(boolean criticalDatabase) throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, """
                entities:
                  web:
                    type: api
                    url: http://127.0.0.1:%d/health
                    expect: {json: {/status: ok}}
                  db:
                    type: tcp
                    host: 127.0.0.1
                    port: %d
                    timeout: 2s
                    critical: %s
                  orders:
                    type: api
                    url: http://127.0.0.1:%d/orders
                    timeout: 2s
                    critical: %s
                    depends_on: [db]
                """.formatted(web.getAddress().getPort(), closedPort, criticalDatabase, closedPort, criticalDatabase));
        return file;
    }

    @Test
    void the_table_names_the_root_and_its_casualty_and_the_exit_status_is_1() throws IOException {
        var run = CliRun.of("check", topology(true).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).startsWith("db").contains("down").contains("connection refused"))
                .anySatisfy(line -> assertThat(line).startsWith("orders").contains("blocked").contains("db"))
                .anySatisfy(line -> assertThat(line).startsWith("web").contains("up"));
    }

    @Test
    void an_outage_of_non_critical_entities_exits_0() throws IOException {
        var run = CliRun.of("check", topology(false).toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void json_output_is_the_entity_shape_of_the_api() throws IOException {
        var run = CliRun.of("check", topology(true).toString(), "--json");

        var entities = new ObjectMapper().readTree(run.out());
        assertThat(entities).hasSize(3);
        var orders = entities.get(1);
        assertThat(orders.get("name").asText()).isEqualTo("orders");
        assertThat(orders.get("status").asText()).isEqualTo("blocked");
        assertThat(orders.get("root_cause").get(0).asText()).isEqualTo("db");
        assertThat(orders.get("blocked_count").asLong()).isEqualTo(1);
        assertThat(orders.has("success_ratio")).isTrue();
        assertThat(entities.get(2).get("latency_ms").isNumber()).isTrue();
    }

    @Test
    void a_named_entity_is_checked_with_what_it_depends_on_but_shown_alone() throws IOException {
        var run = CliRun.of("check", topology(true).toString(), "--entity", "orders", "--json");

        var entities = new ObjectMapper().readTree(run.out());
        assertThat(entities).hasSize(1);
        assertThat(entities.get(0).get("status").asText()).isEqualTo("blocked");
    }

    private Path heartbeats() throws IOException {
        var file = directory.resolve("heartbeats.yaml");
        Files.writeString(file, """
                entities:
                  backup: {type: heartbeat, max_silence: 1h}
                  nightly: {type: heartbeat, max_silence: 25h}
                  report: {type: heartbeat, max_silence: 1h}
                """);
        return file;
    }

    @Test
    void a_heartbeat_is_noted_as_not_checkable_in_a_one_shot_run_and_is_no_failure() throws IOException {
        var run = CliRun.of("check", heartbeats().toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out().lines()).filteredOn(line -> line.startsWith("backup")).singleElement().satisfies(line ->
                assertThat(line).contains("unknown").contains("not checkable in a one-shot run: its job pushes to a running board"));
    }

    @Test
    void with_a_boards_database_heartbeats_are_judged_by_the_last_pushes_it_received() throws Exception {
        var database = directory.resolve("board.db");
        var now = Instant.now();
        try (var store = SqliteStore.open(database, Clock.systemUTC(), Duration.ofDays(30))) {
            store.recordPush("backup", Push.up(now.minus(Duration.ofMinutes(10))));
            store.recordPush("nightly", Push.up(now.minus(Duration.ofHours(26))));
        }

        var run = CliRun.of("check", heartbeats().toString(), "--database", database.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out().lines())
                .anySatisfy(line -> assertThat(line).startsWith("backup").contains("up"))
                .anySatisfy(line -> assertThat(line).startsWith("nightly").contains("down").contains("no heartbeat for 1d2h"))
                .anySatisfy(line -> assertThat(line).startsWith("report").contains("unknown").contains("no push recorded in " + database));
    }

    @Test
    void a_database_that_is_not_there_is_a_usage_error() throws IOException {
        var run = CliRun.of("check", heartbeats().toString(), "--database", directory.resolve("nope.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no database at");
    }

    @Test
    void an_unknown_entity_is_a_usage_error() throws IOException {
        var run = CliRun.of("check", topology(true).toString(), "--entity", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no entity named nope");
    }

    @Test
    void an_invalid_file_exits_2() throws IOException {
        var file = directory.resolve("bad.yaml");
        Files.writeString(file, "entities:\n  x: {type: tcp}\n");

        var run = CliRun.of("check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing required key 'host'");
    }
}
