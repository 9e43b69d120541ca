package dev.topowatch.topology.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsDoNotLeakTest {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PG_PASSWORD", "pg-s3cret-value",
            "API_TOKEN", "api-t0ken-value",
            "BOARD_TOKEN", "board-t0ken-value",
            "REDIS_PASSWORD", "redis-s3cret-value",
            "DEPLOY_KEY", "deploy-k3y-value");

    private static final String TOPOLOGY = """
            board:
              token: ${BOARD_TOKEN}
              read_token: literal-read-t0ken
            entities:
              db:
                type: database
                url: jdbc:postgresql://127.0.0.1:5432/app?password=${PG_PASSWORD}
                username: app
                password: literal-passw0rd
              api:
                type: api
                url: https://api.example.com/health?key=${API_TOKEN}
                headers:
                  Authorization: Bearer ${API_TOKEN}
                body: '{"key": "${DEPLOY_KEY}"}'
              cache:
                type: redis
                url: redis://:${REDIS_PASSWORD}@127.0.0.1:6379/1
              literal_cache:
                type: redis
                url: redis://:literal-redis-passw0rd@127.0.0.1:6379
              deploy:
                type: command
                command: [curl, -H, "X-Key: ${DEPLOY_KEY}", https://deploy.example.com]
              beat:
                type: heartbeat
                max_silence: 5m
                token: literal-push-t0ken
            """;

    @Test
    void no_secret_appears_in_the_loaded_topology_when_printed() {
        var topology = new TopologyLoader(ENVIRONMENT).parse(TOPOLOGY, Path.of("topology.yaml")).orThrow();

        var printed = topology.toString();

        assertThat(printed).doesNotContain(ENVIRONMENT.values())
                .doesNotContain("literal-read-t0ken", "literal-passw0rd", "literal-redis-passw0rd", "literal-push-t0ken");
        assertThat(printed).contains("${API_TOKEN}", "${DEPLOY_KEY}");
    }

    @Test
    void the_values_from_the_environment_are_what_the_checks_connect_with() {
        var topology = new TopologyLoader(ENVIRONMENT).parse(TOPOLOGY, Path.of("topology.yaml")).orThrow();

        var api = (dev.topowatch.topology.check.HttpCheck) topology.entities().get("api").check();
        var cache = (dev.topowatch.topology.check.RedisCheck) topology.entities().get("cache").check();

        assertThat(api.url().value()).isEqualTo("https://api.example.com/health?key=api-t0ken-value");
        assertThat(api.headers().get("Authorization").value()).isEqualTo("Bearer api-t0ken-value");
        assertThat(cache.password().reveal()).isEqualTo("redis-s3cret-value");
        assertThat(cache.database()).isEqualTo(1);
        assertThat(topology.board().token().reveal()).isEqualTo("board-t0ken-value");
    }

    @Test
    void errors_about_values_from_the_environment_do_not_show_them() {
        var environment = Map.of("PORT", "not-a-p0rt-secret");
        var yaml = """
                entities:
                  web:
                    type: tcp
                    host: 127.0.0.1
                    port: ${PORT}
                """;

        var result = new TopologyLoader(environment).parse(yaml, Path.of("topology.yaml"));

        assertThat(result.errors()).singleElement().hasToString(
                "topology.yaml:5:11: entity 'web' (tcp): 'port' must be a whole number (value of ${PORT} not shown)");
    }
}
