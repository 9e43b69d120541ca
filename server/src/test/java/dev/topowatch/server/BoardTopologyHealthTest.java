package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** /health/topology as an outside monitor watches it: 200 while no critical entity is down or blocked, else 503 and the roots. */
class BoardTopologyHealthTest {
    private static final String TOPOLOGY = """
            %s
            defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
            entities:
              db: {type: tcp, host: 127.0.0.1, port: 1}
              api: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db]}
              spare: {type: tcp, host: 127.0.0.1, port: 3, critical: false}
              far: {type: command, command: ["true"]}
              shop: {type: group, members: [api, db]}
              tools: {type: group, members: [far, spare], rule: any}
            """;

    @TempDir
    Path directory;

    private BoardHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void start(String board) throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY.formatted(board));
        harness.awaitStatus("db", "down");
        harness.awaitStatus("api", "blocked");
        harness.awaitStatus("spare", "down");
        harness.awaitStatus("far", "up");
    }

    @Test
    void a_critical_outage_answers_503_naming_its_root_and_a_non_critical_one_does_not_count() throws Exception {
        start("");

        var answer = harness.get("/health/topology");

        assertThat(answer.statusCode()).isEqualTo(503);
        var body = BoardHarness.JSON.readTree(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("failing");
        assertThat(body.get("roots").toString()).isEqualTo("[\"db\"]");
        assertThat(body.get("failing").findValuesAsText("name")).containsExactly("api", "db", "shop");
        assertThat(answer.body()).doesNotContain("spare");
    }

    @Test
    void a_group_narrows_it_to_its_members() throws Exception {
        start("");

        var tools = harness.get("/health/topology?group=tools");
        var shop = harness.get("/health/topology?group=shop");

        assertThat(tools.statusCode()).as("far is up; spare is down but not critical").isEqualTo(200);
        assertThat(BoardHarness.JSON.readTree(tools.body()).get("status").asText()).isEqualTo("ok");
        assertThat(shop.statusCode()).isEqualTo(503);
        assertThat(harness.get("/health/topology?group=far").statusCode()).as("not a group").isEqualTo(400);
        assertThat(harness.get("/health/topology?group=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void head_answers_the_same_status_and_a_read_token_is_needed_when_set() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY.formatted("board: {read_token: r3ad}"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (harness.get("/health/topology?token=r3ad").statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        var head = harness.send("HEAD", "/health/topology?token=r3ad");

        assertThat(head.statusCode()).isEqualTo(503);
        assertThat(head.body()).isEmpty();
        assertThat(harness.get("/health/topology").statusCode()).isEqualTo(401);
        assertThat(harness.get("/health/topology?token=r3ad").statusCode()).isEqualTo(503);
        assertThat(harness.get("/health/ready").statusCode()).as("the board's own readiness stays open and ready").isEqualTo(200);
    }
}
