package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole board over real HTTP: real checkers against real local targets, a real SQLite file. */
class BoardApiTest {

    @TempDir
    Path directory;

    private HttpServer target;
    /** What the target answers on /health; a test flips it to take the target down. */
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private int closedPort;
    private BoardHarness harness;

    @BeforeEach
    void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            var body = "{\"status\":\"ok\",\"version\":\"1.4.2\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(healthStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        target.stop(0);
    }

    private String topology(String boardSection) {
        return """
                %s
                defaults:
                  interval: 1s
                  timeout: 500ms
                  failure_threshold: 1
                  success_threshold: 1
                entities:
                  vps:
                    type: server
                    host: 127.0.0.1
                    check: none
                  db:
                    type: tcp
                    server: vps
                    host: 127.0.0.1
                    port: %d
                  web:
                    type: api
                    server: vps
                    runtime: docker
                    url: http://127.0.0.1:%d/health
                    capture: {app_version: /version}
                    extra: {owner: team-a}
                  orders:
                    type: api
                    server: vps
                    url: http://127.0.0.1:%d/orders
                    depends_on: [db]
                  beat:
                    type: heartbeat
                    max_silence: 1h
                    token: push-token
                """.formatted(boardSection, closedPort, target.getAddress().getPort(), closedPort);
    }

    private BoardHarness start(String boardSection) throws Exception {
        harness = BoardHarness.start(directory, topology(boardSection));
        return harness;
    }

    @Test
    void one_entity_has_the_fields_of_the_original_api_and_its_captured_values() throws Exception {
        start("");

        var web = harness.awaitStatus("web", "up");

        assertThat(web.get("name").asText()).isEqualTo("web");
        assertThat(web.get("type").asText()).isEqualTo("api");
        assertThat(web.get("server").asText()).isEqualTo("vps");
        assertThat(web.get("runtime").asText()).isEqualTo("docker");
        assertThat(web.get("interval").asInt()).isEqualTo(1);
        assertThat(web.get("lastcheck").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(web.get("success_count").asLong()).isPositive();
        assertThat(web.get("fail_count").asLong()).isZero();
        assertThat(web.get("success_ratio").asDouble()).isEqualTo(1.0);
        assertThat(web.get("latency_ms").isNumber()).isTrue();
        assertThat(web.get("extra").get("app_version").asText()).isEqualTo("1.4.2");
        assertThat(web.get("extra").get("owner").asText()).isEqualTo("team-a");
        assertThat(web.get("dependencies").isArray()).isTrue();
        assertThat(web.get("root_cause").isEmpty()).isTrue();
    }

    @Test
    void the_list_comes_a_page_at_a_time_through_next_links_each_entity_once() throws Exception {
        start("");

        var names = new java.util.ArrayList<String>();
        var path = "/api/entities?limit=2&fields=name,status";
        int pages = 0;
        while (path != null) {
            var page = harness.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Total-Count")).hasValue("5");
            var body = BoardHarness.JSON.readTree(page.body());
            assertThat(body.size()).isLessThanOrEqualTo(2);
            body.forEach(entity -> {
                assertThat(entity.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("name", "status");
                names.add(entity.get("name").asText());
            });
            path = page.headers().firstValue("Link").map(link -> link.replaceAll("^<([^>]*)>; rel=\"next\"$", "$1")).orElse(null);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("beat", "db", "orders", "vps", "web");
    }

    @Test
    void the_list_filters_by_several_statuses_and_names_a_misspelt_field() throws Exception {
        start("");
        harness.awaitStatus("db", "down");
        harness.awaitStatus("orders", "blocked");

        var wrong = BoardHarness.JSON.readTree(harness.get("/api/entities?status=down,blocked&fields=name,status").body());
        var misspelt = harness.get("/api/entities?fields=name,stauts");
        var badCursor = harness.get("/api/entities?cursor=@@");

        assertThat(wrong.findValuesAsText("name")).contains("db", "orders").doesNotContain("web", "vps");
        assertThat(wrong.findValuesAsText("status")).containsOnly("down", "blocked");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("unknown field 'stauts' in 'fields' (did you mean 'status'?)");
        assertThat(badCursor.statusCode()).isEqualTo(400);
    }

    @Test
    void a_down_database_is_the_root_and_the_failing_api_on_it_a_blocked_casualty() throws Exception {
        start("");

        var db = harness.awaitStatus("db", "down");
        var orders = harness.awaitStatus("orders", "blocked");

        assertThat(db.get("last_error").asText()).isEqualTo("connection refused");
        assertThat(orders.get("root_cause").get(0).asText()).isEqualTo("db");
        assertThat(orders.get("blocked_by").get(0).asText()).isEqualTo("db");
        var failures = orders.get("fail_count").asLong();
        var blocked = orders.get("blocked_count").asLong();
        var later = harness.awaitEntity("orders", entity -> entity.get("blocked_count").asLong() >= blocked + 2);
        assertThat(later.get("fail_count").asLong()).as("checks failing while blocked are not charged").isEqualTo(failures);
        var summary = harness.json("/api/summary");
        assertThat(summary.get("roots").findValuesAsText("name")).contains("db");
        assertThat(summary.get("counts").get("blocked").asInt()).isPositive();
    }

    @Test
    void a_target_that_goes_down_is_seen_and_so_is_its_recovery() throws Exception {
        start("");
        harness.awaitStatus("web", "up");

        healthStatus.set(503);
        var down = harness.awaitStatus("web", "down");
        assertThat(down.get("last_error").asText()).contains("503");

        healthStatus.set(200);
        harness.awaitStatus("web", "up");
        var transitions = harness.json("/api/transitions?entity=web");
        assertThat(transitions.findValuesAsText("to")).containsSubsequence("up", "down", "up");
    }

    @Test
    void filters_select_entities_by_status_server_and_type() throws Exception {
        start("");
        harness.awaitStatus("db", "down");

        assertThat(harness.json("/api/entities?type=api").findValuesAsText("name")).containsExactly("orders", "web");
        assertThat(harness.json("/api/entities?server=vps").findValuesAsText("name")).containsExactly("db", "orders", "web");
        assertThat(harness.json("/api/entities?status=down").findValuesAsText("name")).contains("db");
        assertThat(harness.get("/api/entities?status=sideways").statusCode()).isEqualTo(400);
    }

    @Test
    void counters_and_statuses_survive_a_restart() throws Exception {
        start("");
        harness.awaitEntity("web", web -> web.get("success_count").asLong() >= 2);
        harness.close();
        long before = harness.board.engine().snapshot().of("web").successCount();

        harness = BoardHarness.start(harness.file, harness.database);
        var web = harness.json("/api/entities/web");

        assertThat(web.get("success_count").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(web.get("status").asText()).isEqualTo("up");
    }

    @Test
    void errors_are_json_with_the_right_status_and_no_stack_trace() throws Exception {
        start("");

        var missing = harness.get("/api/entities/nope");
        var noRoute = harness.get("/api/nothing-here");
        var badTime = harness.get("/api/entities/web/history?from=yesterday");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(BoardHarness.JSON.readTree(missing.body()).get("error").asText()).isEqualTo("not_found");
        assertThat(BoardHarness.JSON.readTree(missing.body()).get("detail").asText()).contains("nope");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(BoardHarness.JSON.readTree(noRoute.body()).has("error")).isTrue();
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(missing.body() + noRoute.body() + badTime.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void changes_are_disabled_without_a_board_token() throws Exception {
        start("");

        var response = harness.send("POST", "/api/entities/web/check");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("board.token");
    }

    @Test
    void changes_need_the_board_token() throws Exception {
        start("board:\n  token: s3cret-board-token\n");

        assertThat(harness.send("POST", "/api/entities/web/check").statusCode()).isEqualTo(401);
        assertThat(harness.send("POST", "/api/entities/web/check", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(harness.send("POST", "/api/entities/web/check", "Authorization", "Bearer s3cret-board-token").statusCode()).isEqualTo(202);
        assertThat(harness.send("POST", "/api/entities/vps/check", "Authorization", "Bearer s3cret-board-token").statusCode())
                .as("a server with check: none has a probe that says so").isEqualTo(202);
    }

    @Test
    void a_read_token_guards_every_read() throws Exception {
        start("board:\n  read_token: r3ad-token\n");

        assertThat(harness.get("/api/entities").statusCode()).isEqualTo(401);
        assertThat(harness.get("/api/summary").statusCode()).isEqualTo(401);
        assertThat(harness.get("/metrics").statusCode()).isEqualTo(401);
        assertThat(harness.get("/api/entities", "Authorization", "Bearer r3ad-token").statusCode()).isEqualTo(200);
        assertThat(harness.get("/api/entities?token=r3ad-token").statusCode()).isEqualTo(200);
        assertThat(harness.get("/health/live").statusCode()).as("liveness stays open for orchestrators").isEqualTo(200);
    }

    @Test
    void maintenance_shows_and_ends_through_the_api() throws Exception {
        start("board:\n  token: t0ken\n");
        harness.awaitStatus("db", "down");
        var auth = new String[] {"Authorization", "Bearer t0ken"};

        assertThat(harness.send("POST", "/api/maintenance?entity=db&minutes=30", auth).statusCode()).isEqualTo(201);
        harness.awaitStatus("db", "maintenance");
        assertThat(harness.send("DELETE", "/api/maintenance?entity=db", auth).statusCode()).isEqualTo(204);
        harness.awaitStatus("db", "down");
        assertThat(harness.send("DELETE", "/api/maintenance?entity=db", auth).statusCode()).isEqualTo(409);
    }

    @Test
    void a_maintenance_window_with_an_end_ends_by_itself_and_a_later_one_still_does() throws Exception {
        // The engine is ticked only while a window is open: both windows must still end on time.
        start("board:\n  token: t0ken\n");
        harness.awaitStatus("db", "down");
        var auth = new String[] {"Authorization", "Bearer t0ken"};

        for (int window = 0; window < 2; window++) {
            var until = java.time.Instant.now().plusSeconds(2);
            assertThat(harness.send("POST", "/api/maintenance?entity=db&until=" + until, auth).statusCode()).isEqualTo(201);
            harness.awaitStatus("db", "maintenance");
            harness.awaitStatus("db", "down");
            assertThat(java.time.Instant.now()).as("ended by its own time, not a later safety tick").isBefore(until.plusSeconds(8));
        }
    }

    @Test
    void a_heartbeat_push_needs_its_token_and_brings_it_up() throws Exception {
        start("");
        var waiting = harness.awaitEntity("beat", beat -> !beat.get("lastcheck").isNull());
        assertThat(waiting.get("status").asText()).as("pending: its max_silence has not passed since the start").isEqualTo("unknown");

        assertThat(harness.send("POST", "/api/push/beat").statusCode()).isEqualTo(401);
        assertThat(harness.send("POST", "/api/push/web", "Authorization", "Bearer push-token").statusCode()).isEqualTo(409);
        assertThat(harness.send("POST", "/api/push/beat?token=push-token").statusCode()).isEqualTo(202);

        harness.awaitStatus("beat", "up");
    }

    @Test
    void readiness_reports_the_store_and_the_scheduler() throws Exception {
        start("");

        var ready = harness.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = BoardHarness.JSON.readTree(ready.body());
        assertThat(body.get("store_writable").asBoolean()).isTrue();
        assertThat(body.get("scheduler_running").asBoolean()).isTrue();
    }

    @Test
    void history_aggregates_the_checks() throws Exception {
        start("");
        harness.awaitEntity("web", web -> web.get("success_count").asLong() >= 3);
        harness.board.engine();

        var history = harness.json("/api/entities/web/history?step=1m");

        assertThat(history.get("points").isArray()).isTrue();
        long counted = 0;
        for (var point : history.get("points")) {
            counted += point.get("count").asLong();
        }
        assertThat(counted).isPositive();
    }
}
