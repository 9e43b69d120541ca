package dev.topowatch.topology.load;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code include:}: teams' files beside the board's own, with their projects, defaults, tags and alerts. */
class IncludedFilesTest {
    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        var file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private LoadResult load(Path file) {
        return new TopologyLoader(Map.of("SHOP_CHAT", "-100200")).load(file);
    }

    private Path twoTeams() throws IOException {
        write("teams/shop.yaml", """
                project: shop
                defaults:
                  interval: 15s
                alerts:
                  telegram:
                    bot_token: "123:abc"
                    chat_id: ${SHOP_CHAT}
                entities:
                  shop_api:
                    type: tcp
                    host: 127.0.0.1
                    port: 8081
                    server: vps-1
                    depends_on: [postgres]
                    tags: [web, customer-facing]
                  shop_reports:
                    type: tcp
                    host: 127.0.0.1
                    port: 8082
                    project: analytics
                """);
        write("teams/blog.yml", """
                project: blog
                entities:
                  blog:
                    type: tcp
                    host: 127.0.0.1
                    port: 8090
                """);
        return write("topology.yaml", """
                include:
                  - teams/*.yaml
                  - teams/blog.yml
                defaults:
                  interval: 1m
                entities:
                  vps-1: {type: server, host: 127.0.0.1}
                  postgres: {type: tcp, host: 127.0.0.1, port: 5432, tags: shared}
                """);
    }

    @Test
    void entities_of_included_files_join_the_topology_with_their_project_defaults_and_tags() throws IOException {
        var result = load(twoTeams());

        assertThat(result.errors()).isEmpty();
        var topology = result.orThrow();
        assertThat(topology.entities()).containsOnlyKeys("vps-1", "postgres", "shop_api", "shop_reports", "blog");
        var shopApi = topology.entities().get("shop_api");
        assertThat(shopApi.project()).isEqualTo("shop");
        assertThat(shopApi.tags()).containsExactly("web", "customer-facing");
        assertThat(shopApi.interval()).as("the file's own defaults").isEqualTo(Duration.ofSeconds(15));
        assertThat(shopApi.dependencyNames()).containsExactly("vps-1", "postgres");
        assertThat(topology.entities().get("shop_reports").project()).as("an entity's own project wins").isEqualTo("analytics");
        assertThat(topology.entities().get("blog").project()).isEqualTo("blog");
        assertThat(topology.entities().get("blog").interval()).as("the topology's defaults otherwise").isEqualTo(Duration.ofMinutes(1));
        assertThat(topology.entities().get("postgres").project()).isNull();
        assertThat(topology.entities().get("postgres").tags()).containsExactly("shared");
        assertThat(topology.projects()).containsExactly("analytics", "blog", "shop");
        assertThat(topology.include()).containsExactly("teams/*.yaml", "teams/blog.yml");
        assertThat(topology.projectAlerts()).containsOnlyKeys("shop");
        assertThat(topology.projectAlerts().get("shop").telegram().chatIds()).containsExactly("-100200");
    }

    @Test
    void a_name_defined_in_two_files_names_both_places() throws IOException {
        write("teams/a.yaml", """
                project: a
                entities:
                  api: {type: tcp, host: 127.0.0.1, port: 1}
                """);
        write("teams/b.yaml", """
                project: b
                entities:
                  other: {type: tcp, host: 127.0.0.1, port: 2}
                  api: {type: tcp, host: 127.0.0.1, port: 3}
                """);
        var main = write("topology.yaml", "include: teams/*.yaml\n");

        var result = load(main);

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                "teams/b.yaml:4:3: entity 'api' is defined twice: already at teams/a.yaml:3:3 (names are unique across included files)"
                        .replace("teams/", folder.resolve("teams") + "/"));
    }

    @Test
    void an_error_in_an_included_file_is_located_in_that_file_with_a_suggestion() throws IOException {
        var team = write("teams/shop.yaml", """
                project: shop
                entities:
                  shop_api:
                    type: tcp
                    host: 127.0.0.1
                    port: 8081
                    intervall: 30s
                    depends_on: [postgre]
                """);
        var main = write("topology.yaml", """
                include: [teams/shop.yaml]
                entities:
                  postgres: {type: tcp, host: 127.0.0.1, port: 5432}
                """);

        var result = load(main);

        assertThat(result.errors()).extracting(Problem::toString).containsExactly(
                team + ":7:5: entity 'shop_api' (tcp): unknown key 'intervall' (did you mean 'interval'?)",
                team + ":8:18: entity 'shop_api' (tcp): depends on 'postgre', which is not defined (did you mean 'postgres'?)");
    }

    @Test
    void an_included_file_takes_only_its_own_keys() throws IOException {
        var team = write("teams/shop.yaml", """
                project: shop
                board: {title: Shop}
                entities: {}
                """);
        var main = write("topology.yaml", "include: teams/shop.yaml\nentities:\n  a: {type: tcp, host: 127.0.0.1, port: 1}\n");

        assertThat(load(main).errors()).extracting(Problem::toString).containsExactly(
                team + ":2:1: unknown key 'board' (allowed in an included file: alerts, defaults, entities, project)");
    }

    @Test
    void a_missing_file_is_said_where_it_is_included_and_an_empty_glob_is_no_error() throws IOException {
        var main = write("topology.yaml", """
                include:
                  - nowhere/*.yaml
                  - teams/missing.yaml
                entities:
                  a: {type: tcp, host: 127.0.0.1, port: 1}
                """);

        assertThat(load(main).errors()).extracting(Problem::toString).containsExactly(
                main + ":3:5: 'include' names '" + folder.resolve("teams/missing.yaml") + "', which does not exist");
    }

    @Test
    void alerts_in_an_included_file_need_a_project_and_a_project_has_them_once() throws IOException {
        var withWebhook = """
                project: shop
                alerts: {webhooks: [{url: "http://127.0.0.1:9/hook"}]}
                entities: {%s: {type: tcp, host: 127.0.0.1, port: 1}}
                """;
        var first = write("teams/a.yaml", withWebhook.formatted("a"));
        var second = write("teams/b.yaml", withWebhook.formatted("b"));
        var third = write("teams/c.yaml", """
                alerts:
                  webhooks: [{url: "http://127.0.0.1:9/third"}]
                entities:
                  c: {type: tcp, host: 127.0.0.1, port: 3, tags: ["two words"]}
                """);
        var main = write("topology.yaml", "include: teams/*.yaml\n");

        assertThat(load(main).errors()).extracting(Problem::toString).containsExactly(
                second + ":2:1: project 'shop' has its 'alerts' already at " + first + ":2:1: give them once, in one of its files",
                third + ":1:1: 'alerts' in an included file are a project's own: add 'project: NAME' to say whose",
                third + ":4:51: entity 'c' (tcp): 'tags' items are words of letters, digits and _ . : / = + -, at most 64 (got 'two words')");
    }

    @Test
    void the_including_file_is_not_read_twice_when_its_own_glob_matches_it() throws IOException {
        write("more.yaml", "project: more\nentities:\n  b: {type: tcp, host: 127.0.0.1, port: 2}\n");
        var main = write("topology.yaml", "include: '*.yaml'\nentities:\n  a: {type: tcp, host: 127.0.0.1, port: 1}\n");

        var result = load(main);

        assertThat(result.errors()).isEmpty();
        assertThat(result.orThrow().entities().values()).extracting(Entity::name).containsExactly("a", "b");
    }

    @Test
    void glob_answers_what_matches_now_and_what_would_match() throws IOException {
        var main = write("topology.yaml", "entities: {}\n");
        write("teams/a.yaml", "");
        write("teams/.#a.yaml", "");
        write("teams/deep/b.yaml", "");

        assertThat(Includes.files(main, "teams/*.yaml")).containsExactly(folder.resolve("teams/a.yaml"));
        assertThat(Includes.files(main, "./teams/**.yaml")).containsExactly(folder.resolve("teams/a.yaml"), folder.resolve("teams/deep/b.yaml"));
        assertThat(Includes.names(main, "teams/*.yaml", folder.resolve("teams/new.yaml"))).isTrue();
        assertThat(Includes.names(main, "teams/*.yaml", folder.resolve("teams/.new.yaml.swp"))).isFalse();
        assertThat(Includes.folder(main, "teams/*.yaml")).isEqualTo(folder.resolve("teams"));
    }
}
