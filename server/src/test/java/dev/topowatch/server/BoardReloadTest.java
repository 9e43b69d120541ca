package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing topology.yaml (or a file it includes) under a running board: applied without a restart, and a bad edit changes nothing. */
class BoardReloadTest {
    private static final String HEAD = """
            board: {token: t0ken}
            defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
            entities:
              db: {type: tcp, host: 127.0.0.1, port: 1}
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

    private void edit(String yaml) throws Exception {
        Files.writeString(harness.file, yaml);
    }

    private void awaitNames(String... names) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (harness.json("/api/entities").findValuesAsText("name").equals(java.util.List.of(names))) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(harness.json("/api/entities").findValuesAsText("name")).containsExactly(names);
    }

    @Test
    void an_added_entity_is_checked_and_a_removed_one_stops_while_the_others_keep_their_counters() throws Exception {
        harness = BoardHarness.start(directory, HEAD);
        harness.awaitEntity("db", db -> db.get("fail_count").asLong() >= 2);
        long failures = harness.json("/api/entities/db").get("fail_count").asLong();

        edit(HEAD + "  cache: {type: tcp, host: 127.0.0.1, port: 2}\n");
        awaitNames("cache", "db");
        harness.awaitStatus("cache", "down");
        assertThat(harness.json("/api/entities/db").get("fail_count").asLong()).isGreaterThanOrEqualTo(failures);
        assertThat(harness.json("/api/summary").get("topology").get("version").asLong()).isEqualTo(2);

        awaitDiagramShows("data-entity=\"cache\"");
        assertThat(harness.board.scheduledEntities()).containsExactlyInAnyOrder("cache", "db");

        edit(HEAD);
        awaitNames("db");
        awaitDiagramLacks("data-entity=\"cache\"");
        assertThat(harness.board.scheduledEntities()).containsExactly("db");
    }

    @Test
    void a_changed_entity_runs_with_its_new_settings_a_renamed_one_starts_afresh_and_a_re_added_one_resumes() throws Exception {
        harness = BoardHarness.start(directory, HEAD + "  cache: {type: tcp, host: 127.0.0.1, port: 2}\n");
        harness.awaitEntity("cache", cache -> cache.get("fail_count").asLong() >= 2);

        edit(HEAD.replace("port: 1}", "port: 1, interval: 7s}") + "  cache: {type: tcp, host: 127.0.0.1, port: 2}\n");
        harness.awaitEntity("db", db -> db.get("interval").asLong() == 7);

        // Renamed: documented as a removal and an addition, so the new name starts with no history.
        edit(HEAD + "  store: {type: tcp, host: 127.0.0.1, port: 2}\n");
        awaitNames("db", "store");
        assertThat(harness.json("/api/entities/store").get("fail_count").asLong()).isLessThanOrEqualTo(2);
        assertThat(harness.board.engine().state("cache")).as("a removed entity leaves the running board").isEmpty();
        assertThat(harness.board.scheduledEntities()).containsExactlyInAnyOrder("db", "store");

        // Re-added within retention: its counters resume from the store.
        edit(HEAD + "  cache: {type: tcp, host: 127.0.0.1, port: 2}\n");
        awaitNames("cache", "db");
        assertThat(harness.json("/api/entities/cache").get("fail_count").asLong()).isGreaterThanOrEqualTo(2);
    }

    private void awaitDiagramShows(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!harness.get("/diagram.svg").body().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(harness.get("/diagram.svg").body()).contains(text);
    }

    private void awaitDiagramLacks(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (harness.get("/diagram.svg").body().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(harness.get("/diagram.svg").body()).doesNotContain(text);
    }

    @Test
    void an_invalid_edit_keeps_the_last_good_topology_and_shows_where_the_error_is() throws Exception {
        harness = BoardHarness.start(directory, HEAD);

        edit(HEAD + "  cache: {type: tcp, host: 127.0.0.1, prot: 2}\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        var errors = harness.json("/api/summary").get("topology").get("reload_errors");
        while (errors.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            errors = harness.json("/api/summary").get("topology").get("reload_errors");
        }

        assertThat(errors.toString()).contains(":5:39: entity 'cache' (tcp): unknown key 'prot' (did you mean 'port'?)")
                .contains(":5:3: entity 'cache' (tcp): missing required key 'port'");
        assertThat(harness.json("/api/entities").findValuesAsText("name")).containsExactly("db");

        edit(HEAD + "  cache: {type: tcp, host: 127.0.0.1, port: 2}\n");
        awaitNames("cache", "db");
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!harness.json("/api/summary").get("topology").get("reload_errors").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(harness.json("/api/summary").get("topology").get("reload_errors").isEmpty()).isTrue();
    }

    @Test
    void a_save_by_rename_is_picked_up() throws Exception {
        harness = BoardHarness.start(directory, HEAD);

        var swap = directory.resolve(".topology.yaml.swp");
        Files.writeString(swap, HEAD + "  web: {type: tcp, host: 127.0.0.1, port: 3}\n");
        Files.move(swap, harness.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        awaitNames("db", "web");
    }

    @Test
    void a_symlink_swap_as_kubernetes_config_maps_do_is_picked_up() throws Exception {
        var first = Files.createDirectory(directory.resolve("..2026_01"));
        Files.writeString(first.resolve("topology.yaml"), HEAD);
        var data = Files.createSymbolicLink(directory.resolve("..data"), first.getFileName());
        var file = Files.createSymbolicLink(directory.resolve("topology.yaml"), Path.of("..data/topology.yaml"));
        harness = BoardHarness.start(file, directory.resolve("board.db"));

        var second = Files.createDirectory(directory.resolve("..2026_02"));
        Files.writeString(second.resolve("topology.yaml"), HEAD + "  web: {type: tcp, host: 127.0.0.1, port: 3}\n");
        var next = Files.createSymbolicLink(directory.resolve("..data_tmp"), second.getFileName());
        Files.move(next, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        awaitNames("db", "web");
    }

    @Test
    void reload_through_the_api_needs_the_token_and_reports_an_invalid_file() throws Exception {
        harness = BoardHarness.start(directory, HEAD);
        var auth = new String[] {"Authorization", "Bearer t0ken"};

        assertThat(harness.send("POST", "/api/reload").statusCode()).isEqualTo(401);
        Files.writeString(harness.file, "entities: [");
        var invalid = harness.send("POST", "/api/reload", auth);
        assertThat(invalid.statusCode()).isEqualTo(409);
        assertThat(invalid.body()).contains("invalid_topology").contains("YAML syntax");
    }

    @Test
    void the_stream_announces_a_new_topology() throws Exception {
        harness = BoardHarness.start(directory, HEAD);
        try (var stream = new SseClient(harness.uri("/api/stream"), null)) {
            stream.next("snapshot", Duration.ofSeconds(10));

            edit(HEAD + "  cache: {type: tcp, host: 127.0.0.1, port: 2}\n");

            var event = stream.next("topology", Duration.ofSeconds(15));
            assertThat(event.data()).contains("\"version\":2");
        }
    }

    @Test
    void two_hundred_quick_edits_end_on_the_last_version_without_leaking_threads() throws Exception {
        harness = BoardHarness.start(directory, HEAD);
        Thread.sleep(1500);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        for (int i = 0; i < 200; i++) {
            edit(HEAD + "  e" + i + ": {type: tcp, host: 127.0.0.1, port: " + (1000 + i) + "}\n");
            if (i % 20 == 0) {
                Thread.sleep(400);
            }
        }
        awaitNames("db", "e199");
        Thread.sleep(1500);

        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertThat(threadsAfter).as("platform threads before %d, after %d", threadsBefore, threadsAfter)
                .isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(harness.board.engine().topology().entities()).containsOnlyKeys("db", "e199");
        assertThat(harness.board.scheduledEntities()).as("no checker left behind").containsExactlyInAnyOrder("db", "e199");
    }

    private static final String WITH_TEAMS = """
            defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
            include: teams/*.yaml
            entities:
              db: {type: tcp, host: 127.0.0.1, port: 1}
            """;

    private void awaitSummary(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.test(harness.json("/api/summary")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.test(harness.json("/api/summary"))).as(harness.json("/api/summary").toString()).isTrue();
    }

    @Test
    void a_file_added_under_a_glob_is_picked_up_and_a_broken_one_is_reported_at_its_own_line() throws Exception {
        var teams = Files.createDirectories(directory.resolve("teams"));
        Files.writeString(teams.resolve("shop.yaml"), "project: shop\nentities:\n  shop_api: {type: tcp, host: 127.0.0.1, port: 2}\n");
        harness = BoardHarness.start(directory, WITH_TEAMS);
        awaitNames("db", "shop_api");

        var blog = teams.resolve("blog.yaml");
        Files.writeString(blog, "project: blog\nentities:\n  blog: {type: tcp, host: 127.0.0.1, port: 3, depends_on: [db]}\n");
        awaitSummary(summary -> summary.get("topology").get("version").asLong() == 2);
        awaitNames("blog", "db", "shop_api");
        assertThat(harness.json("/api/entities/blog").get("project").asText()).isEqualTo("blog");

        Files.writeString(blog, "project: blog\nentities:\n  blog: {type: tcp, host: 127.0.0.1, port: 3, dependson: [db]}\n");
        awaitSummary(summary -> !summary.get("topology").get("reload_errors").isEmpty());
        assertThat(harness.json("/api/summary").get("topology").get("reload_errors").get(0).asText())
                .isEqualTo(blog + ":3:47: entity 'blog' (tcp): unknown key 'dependson' (did you mean 'depends_on'?)");
        assertThat(harness.json("/api/entities").findValuesAsText("name")).as("the last good topology keeps running")
                .containsExactly("blog", "db", "shop_api");

        Files.delete(blog);
        awaitSummary(summary -> summary.get("topology").get("reload_errors").isEmpty()
                && summary.get("topology").get("version").asLong() == 3);
        awaitNames("db", "shop_api");
    }
}
