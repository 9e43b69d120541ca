package dev.topowatch.checkers;

import dev.topowatch.checkers.support.HostileServer;
import dev.topowatch.checkers.support.Measured;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.RedisCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.topowatch.checkers.support.HostileServer.ascii;
import static dev.topowatch.checkers.support.Measured.assertOneClearLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code redis} targets that misbehave: each must be {@code down} within the timeout, with memory
 * bounded by the checker's reply limits, and one printable line that says why.
 */
class HostileRedisTargetsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final long EIGHT_MB = 8L * 1024 * 1024;
    private static Checkers checkers;

    @BeforeAll
    static void createCheckers() {
        checkers = Checkers.create(Clock.systemUTC());
    }

    @AfterAll
    static void closeCheckers() {
        checkers.close();
    }

    private static Measured check(String name, int port) {
        var url = "redis://127.0.0.1:" + port + "/0";
        var spec = new RedisCheck(ConfigText.literal(url), "127.0.0.1", port, null, 0, Map.of());
        var entity = new Entity("cache", EntityType.REDIS, null, null, Duration.ofMinutes(1), TIMEOUT, 1, 1,
                List.of(), Map.of(), false, true, null, null, spec, null, List.of(), null);
        var redis = checkers.forType(EntityType.REDIS).orElseThrow();
        return Measured.run(name, () -> redis.check(entity, TIMEOUT));
    }

    /** Sends {@code head}, then {@code total} bytes of {@code filler}, 64 KiB at a time. */
    private static HostileServer streaming(String head, byte filler, long total) {
        return HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[1024]);
            out.write(ascii(head));
            var chunk = new byte[64 * 1024];
            Arrays.fill(chunk, filler);
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
        });
    }

    @Test
    void a_server_that_resets_the_connection_is_down_with_connection_reset() throws Exception {
        try (var resetting = HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[1024]);
            client.setSoLinger(true, 0);
            client.close();
        })) {
            var run = check("redis reset after PING", resetting.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("connection reset");
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void a_server_that_accepts_and_never_answers_is_down_with_a_timeout() throws Exception {
        try (var silent = HostileServer.raw((client, out) -> Thread.sleep(Duration.ofMinutes(1)))) {
            var run = check("redis accepts, never answers", silent.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }

    @Test
    void a_pong_trickled_one_byte_a_second_is_cut_at_the_timeout() throws Exception {
        try (var slow = HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[1024]);
            HostileServer.trickle(out, ascii("+PONG\r\n"), Duration.ofSeconds(1));
        })) {
            var run = check("redis slowloris +PONG 1 B/s", slow.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            // Every byte comes within a second: only a deadline on the whole check ends this.
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }

    @Test
    void binary_garbage_is_down_as_not_a_redis_server_in_printable_text() throws Exception {
        var garbage = new ByteArrayOutputStream();
        garbage.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x1B, '[', '2', 'J', 0x07, (byte) 0xC3, 0x28,
                (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x', '\r', '\n'});
        try (var garbled = HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[1024]);
            out.write(garbage.toByteArray());
            out.flush();
        })) {
            var run = check("redis binary garbage", garbled.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).startsWith("not a Redis server (it answered '");
        }
    }

    @Test
    void an_error_reply_full_of_control_bytes_is_shown_as_printable_text() throws Exception {
        try (var garbled = HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[1024]);
            out.write(ascii("-ERR \u001b]0;pwned\u0007\u0000 \u001b[2Jgone\r\n"));
            out.flush();
        })) {
            var run = check("redis -ERR with control bytes", garbled.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).startsWith("ERR ").contains("pwned").endsWith("gone");
        }
    }

    @Test
    void a_pong_in_invalid_utf8_is_down_with_printable_text() throws Exception {
        try (var garbled = HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[1024]);
            var bulk = new byte[] {'P', (byte) 0xFF, 'N', 0x1B, 'G', (byte) 0xC3};
            out.write(ascii("$" + bulk.length + "\r\n"));
            out.write(bulk);
            out.write(ascii("\r\n"));
            out.flush();
        })) {
            var run = check("redis PONG in invalid UTF-8", garbled.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).startsWith("expected PONG, got P");
        }
    }

    @Test
    void a_100_mb_bulk_string_is_refused_from_its_length_without_reading_it() throws Exception {
        try (var huge = streaming("$" + HUNDRED_MB + "\r\n", (byte) 'x', HUNDRED_MB)) {
            var run = check("redis 100 MB bulk string", huge.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("reply too large (104857600 bytes, at most 1048576)");
            assertThat(run.took()).isLessThan(TIMEOUT);
            assertThat(run.allocatedBytes()).as("bytes allocated by the check").isLessThan(EIGHT_MB);
            assertHungUpEarly(huge);
        }
    }

    @Test
    void a_100_mb_status_line_without_an_end_is_cut_at_the_line_limit() throws Exception {
        try (var huge = streaming("+", (byte) 'x', HUNDRED_MB)) {
            var run = check("redis 100 MB status line", huge.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("reply too large (a line over 65536 bytes)");
            assertThat(run.took()).isLessThan(TIMEOUT);
            assertThat(run.allocatedBytes()).as("bytes allocated by the check").isLessThan(EIGHT_MB);
            assertHungUpEarly(huge);
        }
    }

    private static void assertHungUpEarly(HostileServer server) throws InterruptedException {
        assertThat(server.awaitFirstScriptEnd(TIMEOUT.multipliedBy(2))).isTrue();
        System.out.printf("hostile server bytesSentKiB=%d clientHungUp=%d%n", server.bytesSent() / 1024,
                server.clientsThatHungUp());
        assertThat(server.clientsThatHungUp()).as("the checker hung up before the 100 MB were sent").isEqualTo(1);
        // The kernel's buffers on both sides hold tens of megabytes on loopback: a loose bound only.
        assertThat(server.bytesSent()).isLessThan(HUNDRED_MB / 2);
    }
}
