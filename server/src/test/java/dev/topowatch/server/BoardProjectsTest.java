package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two teams' files on one board: each team asks for its own entities, summary, health and metrics. */
class BoardProjectsTest {
    @TempDir
    Path directory;

    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        var teams = Files.createDirectories(directory.resolve("teams"));
        Files.writeString(teams.resolve("shop.yaml"), """
                project: shop
                entities:
                  shop_api: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db], tags: [web]}
                  shop_cron: {type: command, command: ["true"], tags: [batch]}
                  shop: {type: group, members: [shop_api, shop_cron], rule: any}
                """);
        Files.writeString(teams.resolve("blog.yaml"), """
                project: blog
                entities:
                  blog: {type: command, command: ["true"], tags: [web]}
                """);
        harness = BoardHarness.start(directory, """
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                include: teams/*.yaml
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                """);
        harness.awaitStatus("db", "down");
        harness.awaitStatus("shop_api", "blocked");
        harness.awaitStatus("shop_cron", "up");
        harness.awaitStatus("blog", "up");
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void entities_are_listed_per_project_and_per_tag_with_their_project_and_tags() throws Exception {
        assertThat(harness.json("/api/entities?project=shop").findValuesAsText("name")).containsExactly("shop", "shop_api", "shop_cron");
        assertThat(harness.json("/api/entities?tag=web").findValuesAsText("name")).containsExactly("blog", "shop_api");
        assertThat(harness.json("/api/entities?project=shop&tag=web").findValuesAsText("name")).containsExactly("shop_api");
        var shopApi = harness.json("/api/entities/shop_api");
        assertThat(shopApi.get("project").asText()).isEqualTo("shop");
        assertThat(shopApi.get("tags").toString()).isEqualTo("[\"web\"]");
        assertThat(harness.json("/api/entities/db").get("project").isNull()).isTrue();
        assertThat(harness.json("/api/entities/shop_cron").get("extra_stale").asBoolean()).as("it captures no values").isFalse();
        assertThat(harness.json("/api/entities/shop_cron").get("extra_at").isNull()).isTrue();

        var unknown = harness.get("/api/entities?project=shpo");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no project named 'shpo' (known: blog, shop)");
    }

    @Test
    void the_summary_of_a_project_counts_its_entities_and_names_the_root_that_blocks_it() throws Exception {
        var shop = harness.json("/api/summary?project=shop");
        var blog = harness.json("/api/summary?project=blog");

        assertThat(shop.get("entities").asInt()).isEqualTo(3);
        assertThat(shop.get("counts").get("blocked").asInt()).isEqualTo(1);
        assertThat(shop.get("roots").findValuesAsText("name")).as("db is in no project, but blocks shop's api").containsExactly("db");
        assertThat(blog.get("entities").asInt()).isEqualTo(1);
        assertThat(blog.get("roots")).isEmpty();
        assertThat(harness.json("/api/summary").get("entities").asInt()).isEqualTo(5);
    }

    @Test
    void health_per_project_answers_503_for_the_team_whose_entity_is_blocked_and_200_for_the_other() throws Exception {
        var shop = harness.get("/health/topology?project=shop");
        var blog = harness.get("/health/topology?project=blog");

        assertThat(shop.statusCode()).isEqualTo(503);
        assertThat(BoardHarness.JSON.readTree(shop.body()).get("roots").toString()).isEqualTo("[\"db\"]");
        assertThat(blog.statusCode()).isEqualTo(200);
        assertThat(harness.send("HEAD", "/health/topology?project=blog").statusCode()).isEqualTo(200);
        assertThat(harness.send("HEAD", "/health/topology?project=shop").statusCode()).isEqualTo(503);
        assertThat(harness.get("/health/topology?project=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void a_group_has_members_counters_a_success_ratio_and_uptime_windows_from_its_members_checks() throws Exception {
        var group = harness.awaitEntity("shop", json -> json.get("blocked_count").asLong() >= 1 && json.get("success_count").asLong() >= 1);
        var api = harness.json("/api/entities/shop_api");
        var cron = harness.json("/api/entities/shop_cron");

        assertThat(group.get("members").toString()).isEqualTo("[\"shop_api\",\"shop_cron\"]");
        assertThat(group.get("lastcheck").isNull()).isFalse();
        assertThat(group.get("success_ratio").isNumber()).isTrue();
        assertThat(group.get("blocked_count").asLong()).as("shop_api's failures while db is down")
                .isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(api.get("blocked_count").asLong() + cron.get("blocked_count").asLong());
        assertThat(group.get("uptime").get("24h").asDouble()).isBetween(0.0, 1.0);
        assertThat(group.get("uptime").has("7d")).isTrue();
        assertThat(group.get("uptime").has("30d")).isTrue();
        assertThat(harness.json("/api/entities?type=group").get(0).get("members")).hasSize(2);
        assertThat(harness.json("/api/entities?type=group").get(0).has("uptime")).as("not in lists").isFalse();
    }

    @Test
    void metrics_carry_the_project_label() throws Exception {
        var text = harness.get("/metrics").body();

        assertThat(text).contains("topowatch_entity_up{entity=\"blog\",project=\"blog\",server=\"\",type=\"command\"} 1.0")
                .contains("topowatch_entity_up{entity=\"db\",project=\"\",server=\"\",type=\"tcp\"} 0.0");
    }
}
