package dev.topowatch.checkers.redis;

import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.topowatch.checkers.redis.RedisEntities.TIMEOUT;
import static dev.topowatch.checkers.redis.RedisEntities.checker;
import static dev.topowatch.checkers.redis.RedisEntities.redis;
import static org.assertj.core.api.Assertions.assertThat;

/** Servers that are not there, hang, or are not Redis at all. */
class UnreachableRedisTest {

    @Test
    void server_not_listening_is_down_with_connection_refused() throws Exception {
        var result = checker().check(redis(ScriptedServer.closedPort()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void server_that_accepts_and_never_answers_ping_is_down_with_a_timeout_in_time() throws Exception {
        var timeout = Duration.ofMillis(1000);
        try (var hanging = ScriptedServer.silent()) {
            long started = System.nanoTime();
            var result = checker().check(redis(hanging.port()), timeout);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("timeout after 1000 ms");
            // Loosely: the deadline holds, give or take scheduling on a busy machine.
            assertThat(tookMillis).isBetween(900L, 3 * timeout.toMillis());
        }
    }

    @Test
    void web_server_on_the_redis_port_is_down_and_says_what_answered() throws Exception {
        try (var web = new ScriptedServer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            var result = checker().check(redis(web.port()), TIMEOUT);

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("not a Redis server (it answered 'HTTP/1.1 400 Bad Request')");
        }
    }

    @Test
    void server_that_hangs_up_at_once_is_down() throws Exception {
        try (var rude = ScriptedServer.hangingUp()) {
            var result = checker().check(redis(rude.port()), TIMEOUT);

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("connection closed by the server");
        }
    }

    @Test
    void oversized_info_reply_is_refused_without_reading_it() throws Exception {
        try (var huge = new ScriptedServer("+PONG\r\n$2000000000\r\n")) {
            var result = checker().check(redis(huge.port(), null, 0, Map.of("memory", "used_memory_human")), TIMEOUT);

            assertThat(result.status()).isEqualTo(Status.DEGRADED);
            assertThat(result.error()).isEqualTo("INFO failed: reply too large (2000000000 bytes, at most 1048576)");
        }
    }
}
