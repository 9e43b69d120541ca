package dev.topowatch.checkers.redis;

import dev.topowatch.topology.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.util.Map;

import static dev.topowatch.checkers.redis.RedisEntities.NOW;
import static dev.topowatch.checkers.redis.RedisEntities.TIMEOUT;
import static dev.topowatch.checkers.redis.RedisEntities.checker;
import static dev.topowatch.checkers.redis.RedisEntities.redis;
import static org.assertj.core.api.Assertions.assertThat;

/** Against two real Redis servers started once for the class: one open, one that wants a password. */
@Tag("slow")
class RedisCheckTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static RedisServer open;
    private static RedisServer guarded;
    private static int openPort;
    private static int guardedPort;

    @BeforeAll
    static void start() throws Exception {
        openPort = ScriptedServer.closedPort();
        open = RealServers.startOrSkip("Redis", () -> started(RedisServer.newRedisServer()
                .port(openPort).bind("127.0.0.1").build()));
        guardedPort = ScriptedServer.closedPort();
        guarded = RealServers.startOrSkip("Redis with a password", () -> started(RedisServer.newRedisServer()
                .port(guardedPort).bind("127.0.0.1").setting("requirepass " + PASSWORD).build()));
    }

    private static RedisServer started(RedisServer server) throws IOException {
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws IOException {
        for (var server : new RedisServer[] {open, guarded}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void answering_server_is_up() {
        var result = checker().check(redis(openPort), TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.error()).isNull();
        assertThat(result.at()).isEqualTo(NOW);
        assertThat(result.latency()).isLessThan(TIMEOUT);
    }

    @Test
    void captured_info_fields_are_shown_in_extra() {
        var entity = redis(openPort, null, 0, Map.of("memory", "used_memory_human", "version", "redis_version"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.extra()).containsOnlyKeys("memory", "version");
        assertThat(result.extra().get("memory")).matches("[\\d.]+[BKMG]");
        assertThat(result.extra().get("version")).startsWith("6.");
    }

    @Test
    void missing_info_field_is_degraded_and_keeps_the_fields_found() {
        var entity = redis(openPort, null, 0, Map.of("memory", "used_memory_human", "typo", "used_memry_human"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.error()).isEqualTo("INFO has no field 'used_memry_human'");
        assertThat(result.extra()).containsOnlyKeys("memory");
    }

    @Test
    void selected_database_is_checked() {
        var result = checker().check(redis(openPort, null, 3, Map.of()), TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
    }

    @Test
    void database_the_server_does_not_have_is_down() {
        var result = checker().check(redis(openPort, null, 99, Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("ERR DB index is out of range");
    }

    @Test
    void server_that_wants_a_password_and_got_none_is_down_with_noauth() {
        var result = checker().check(redis(guardedPort), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("NOAUTH Authentication required");
    }

    @Test
    void wrong_password_is_down_without_showing_the_password() {
        var wrong = "hunter2-not-it";

        var result = checker().check(redis(guardedPort, wrong, 0, Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).startsWith("WRONGPASS");
        assertThat(result.error()).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void right_password_selects_the_database_and_captures_info() {
        var entity = redis(guardedPort, PASSWORD, 2, Map.of("clients", "connected_clients"));

        var result = checker().check(entity, TIMEOUT);

        assertThat(result.status()).as(result.error()).isEqualTo(Status.UP);
        assertThat(result.extra().get("clients")).matches("\\d+");
    }

    @Test
    void password_given_to_a_server_without_one_is_down_with_the_servers_reason() {
        var result = checker().check(redis(openPort, PASSWORD, 0, Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).contains("without any password configured").doesNotContain(PASSWORD);
    }
}
