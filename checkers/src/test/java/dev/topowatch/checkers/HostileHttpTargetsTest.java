package dev.topowatch.checkers;

import dev.topowatch.checkers.support.CountingSockets;
import dev.topowatch.checkers.support.HostileServer;
import dev.topowatch.checkers.support.Measured;
import dev.topowatch.checkers.support.TestHttpServer;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.HttpExpectation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static dev.topowatch.checkers.support.Entities.entity;
import static dev.topowatch.checkers.support.HostileServer.ascii;
import static dev.topowatch.checkers.support.Measured.assertOneClearLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code api} targets that misbehave on purpose, on real sockets on 127.0.0.1: each must come back
 * {@code down} (or {@code up} where that is the truth) within a bounded time and memory, with one clear
 * line that says why. The checkers come from {@link Checkers#create}, guarded, as the scheduler gets them.
 */
class HostileHttpTargetsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    /** What the client may take off the wire for a capped body: the cap, and OkHttp's buffering past it. */
    private static final long READ_ALLOWANCE = dev.topowatch.checkers.http.HttpChecker.BODY_CAP + 256 * 1024;
    private static final CountingSockets sockets = new CountingSockets();
    private static Checkers checkers;

    @BeforeAll
    static void createCheckers() {
        // The standard shared client, over sockets that count what they read.
        checkers = Checkers.create(Clock.systemUTC(), Checkers.newHttpClient().newBuilder().socketFactory(sockets).build());
    }

    @AfterAll
    static void closeCheckers() {
        checkers.close();
    }

    private static Measured check(String name, HttpCheck spec, Duration timeout) {
        var api = checkers.forType(EntityType.API).orElseThrow();
        return Measured.run(name, () -> api.check(entity("api", EntityType.API, spec, Duration.ofMinutes(1), timeout), timeout));
    }

    private static HttpCheck get(String url) {
        return http(url, null, null);
    }

    private static HttpCheck http(String url, String bodyContains, String bodyRegex) {
        return new HttpCheck(ConfigText.literal(url), "GET", Map.of(), null, true, false,
                new HttpExpectation(HttpExpectation.DEFAULT.status(),
                        bodyContains == null ? null : ConfigText.literal(bodyContains), bodyRegex, Map.of(), null, null),
                Map.of());
    }

    // --- resets -----------------------------------------------------------------------------------

    @Test
    void a_server_that_resets_after_reading_the_request_is_down_with_connection_reset() throws Exception {
        try (var resetting = HostileServer.http((client, out) -> {
            // Linger 0: close sends RST, not FIN.
            client.setSoLinger(true, 0);
            client.close();
        })) {
            var run = check("api reset after request", get(resetting.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("connection reset");
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void a_server_that_resets_in_the_middle_of_the_headers_is_down_with_connection_reset() throws Exception {
        try (var resetting = HostileServer.http((client, out) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Ty"));
            out.flush();
            Thread.sleep(100);
            client.setSoLinger(true, 0);
            client.close();
        })) {
            var run = check("api reset mid-headers", get(resetting.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("connection reset");
        }
    }

    // --- a 100 MB answer --------------------------------------------------------------------------

    private static HostileServer hundredMegabytes(boolean chunked) {
        return HostileServer.http((client, out) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + HUNDRED_MB + "\r\n\r\n")));
            var chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            var first = ascii("status: ok\n");
            System.arraycopy(first, 0, chunk, 0, first.length);
            for (long sent = 0; sent < HUNDRED_MB; sent += chunk.length) {
                if (chunked) {
                    out.write(ascii(Integer.toHexString(chunk.length) + "\r\n"));
                }
                out.write(chunk);
                if (chunked) {
                    out.write(ascii("\r\n"));
                }
                Arrays.fill(chunk, 0, first.length, (byte) 'x');
            }
            if (chunked) {
                out.write(ascii("0\r\n\r\n"));
            }
            out.flush();
        });
    }

    private static void assertCutShort(HostileServer server, long readAllowance) throws InterruptedException {
        long read = sockets.bytesRead();
        // The server finds out the client left at its next write; give it a moment to get there.
        assertThat(server.awaitFirstScriptEnd(TIMEOUT.multipliedBy(2))).isTrue();
        System.out.printf("hostile server bytesSentKiB=%d clientReadBytes=%d clientHungUp=%d%n", server.bytesSent() / 1024,
                read, server.clientsThatHungUp());
        assertThat(server.clientsThatHungUp()).as("the client hung up before the 100 MB were sent").isEqualTo(1);
        // What the client read off the wire; the server's own count also holds what sat in the kernel's
        // buffers (up to 32 MiB each way on loopback here), so it is only checked loosely.
        assertThat(read).as("bytes the checker read").isLessThan(readAllowance);
        assertThat(server.bytesSent()).as("bytes the server got to send").isLessThan(HUNDRED_MB / 2);
    }

    @Test
    void a_100_mb_answer_is_read_up_to_the_cap_and_the_connection_dropped() throws Exception {
        try (var huge = hundredMegabytes(false)) {
            sockets.reset();
            var run = check("api 100 MB content-length, body_contains", http(huge.url("/"), "status: ok", null), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.UP);
            assertThat(run.result().details()).containsEntry("body_truncated", "first 1024 KiB read");
            assertThat(run.took()).isLessThan(TIMEOUT.multipliedBy(2));
            assertThat(run.allocatedBytes()).as("bytes allocated by the check").isLessThan(32L * 1024 * 1024);
            assertCutShort(huge, READ_ALLOWANCE);
        }
    }

    @Test
    void a_100_mb_chunked_answer_that_lacks_the_text_is_down_and_says_how_much_was_read() throws Exception {
        try (var huge = hundredMegabytes(true)) {
            sockets.reset();
            var run = check("api 100 MB chunked, body_contains missing", http(huge.url("/"), "the end", null), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("body does not contain 'the end' (first 1024 KiB read)");
            assertThat(run.took()).isLessThan(TIMEOUT.multipliedBy(2));
            assertThat(run.allocatedBytes()).as("bytes allocated by the check").isLessThan(32L * 1024 * 1024);
            assertCutShort(huge, READ_ALLOWANCE);
        }
    }

    @Test
    void a_100_mb_answer_to_a_status_only_check_is_not_read_at_all() throws Exception {
        try (var huge = hundredMegabytes(false)) {
            sockets.reset();
            var run = check("api 100 MB, status only", get(huge.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.UP);
            assertThat(run.took()).isLessThan(TIMEOUT.multipliedBy(2));
            assertThat(run.allocatedBytes()).as("bytes allocated by the check").isLessThan(32L * 1024 * 1024);
            // Nothing of the body is needed: no more than the head and a buffer's worth may be read.
            assertCutShort(huge, 256 * 1024);
        }
    }

    // --- redirect loops ---------------------------------------------------------------------------

    @Test
    void a_redirect_loop_between_two_paths_is_down_with_too_many_redirects() throws Exception {
        try (var looping = TestHttpServer.http()
                .on("/a", exchange -> redirect(exchange, "/b"))
                .on("/b", exchange -> redirect(exchange, "/a"))) {
            var run = check("api redirect loop /a -> /b -> /a", get(looping.url("/a")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("too many redirects");
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void a_redirect_loop_between_two_servers_is_down_with_too_many_redirects_and_bounded() throws Exception {
        var hops = new java.util.concurrent.atomic.AtomicInteger();
        try (var first = TestHttpServer.http(); var second = TestHttpServer.http()) {
            first.on("/", exchange -> {
                hops.incrementAndGet();
                redirect(exchange, second.url("/"));
            });
            second.on("/", exchange -> {
                hops.incrementAndGet();
                redirect(exchange, first.url("/"));
            });
            var run = check("api redirect loop across two ports", get(first.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("too many redirects");
            System.out.printf("hostile redirect hops=%d%n", hops.get());
            assertThat(hops.get()).as("requests the loop cost").isBetween(2, 25);
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    // --- slowloris --------------------------------------------------------------------------------

    @Test
    void headers_trickled_one_byte_a_second_are_cut_at_the_whole_call_timeout() throws Exception {
        try (var slow = HostileServer.http((client, out) -> HostileServer.trickle(out,
                ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"), Duration.ofSeconds(1)))) {
            var run = check("api slowloris headers 1 B/s", get(slow.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            // Each byte comes within a second, so only a deadline on the whole call can end this.
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }

    @Test
    void a_body_trickled_one_byte_a_second_is_cut_at_the_whole_call_timeout() throws Exception {
        try (var slow = HostileServer.http((client, out) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"));
            HostileServer.trickle(out, ascii("x".repeat(90) + "status: ok"), Duration.ofSeconds(1));
        })) {
            var run = check("api slowloris body 1 B/s, body_contains", http(slow.url("/"), "status: ok", null), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }

    // --- never answers ----------------------------------------------------------------------------

    @Test
    void a_server_that_accepts_and_never_answers_is_down_with_a_timeout() throws Exception {
        try (var silent = HostileServer.raw((client, out) -> Thread.sleep(Duration.ofMinutes(1)))) {
            var run = check("api accepts, never answers", get(silent.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }

    // --- bytes that are not UTF-8 -----------------------------------------------------------------

    private static final byte[] NOT_UTF8 = {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x82,
            (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x00, 0x1B, '[', '3', '1', 'm', 0x07};

    private static HostileServer answering(byte[] head, byte[] body) {
        return HostileServer.http((client, out) -> {
            var whole = new ByteArrayOutputStream();
            whole.writeBytes(head);
            whole.writeBytes(ascii("Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n"));
            whole.writeBytes(body);
            out.write(whole.toByteArray());
            out.flush();
        });
    }

    private static byte[] concat(byte[]... parts) {
        var all = new ByteArrayOutputStream();
        for (var part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void invalid_utf8_in_the_body_does_not_stop_body_contains_or_regex_from_judging() throws Exception {
        var body = concat(NOT_UTF8, ascii("\nstatus: ok\n"), NOT_UTF8);
        try (var garbled = answering(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"), body)) {
            var contains = check("api invalid UTF-8 body, contains found", http(garbled.url("/"), "status: ok", null), TIMEOUT);
            var regex = check("api invalid UTF-8 body, regex found", http(garbled.url("/"), null, "status:\\s+ok"), TIMEOUT);
            var missing = check("api invalid UTF-8 body, contains missing", http(garbled.url("/"), "healthy", null), TIMEOUT);
            var noMatch = check("api invalid UTF-8 body, regex missing", http(garbled.url("/"), null, "^healthy$"), TIMEOUT);

            assertThat(contains.result().status()).isEqualTo(Status.UP);
            assertThat(regex.result().status()).isEqualTo(Status.UP);
            assertThat(missing.result().status()).isEqualTo(Status.DOWN);
            assertThat(missing.result().error()).isEqualTo("body does not contain 'healthy'");
            assertThat(noMatch.result().status()).isEqualTo(Status.DOWN);
            assertThat(noMatch.result().error()).isEqualTo("body does not match /^healthy$/");
        }
    }

    @Test
    void invalid_utf8_inside_a_json_value_is_reported_as_printable_text() throws Exception {
        var body = concat(ascii("{\"status\":\"ok"), NOT_UTF8, ascii("\"}"));
        try (var garbled = answering(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"), body)) {
            var spec = new HttpCheck(ConfigText.literal(garbled.url("/")), "GET", Map.of(), null, true, false,
                    new HttpExpectation(HttpExpectation.DEFAULT.status(), null, null,
                            Map.of("/status", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode("ok")),
                            null, null),
                    Map.of("status", "/status"));
            var run = check("api invalid UTF-8 in a JSON value", spec, TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).startsWith("body is not JSON");
        }
    }

    @Test
    void invalid_utf8_and_control_bytes_in_headers_and_reason_are_harmless() throws Exception {
        var head = concat(ascii("HTTP/1.1 503 Unavail"), NOT_UTF8, ascii("able\r\nX-Garbage: "), NOT_UTF8,
                ascii("\r\nContent-Type: text/plain; charset="), NOT_UTF8, ascii("\r\n"));
        try (var garbled = answering(head, ascii("maintenance"))) {
            var run = check("api invalid UTF-8 in headers and reason, 503", http(garbled.url("/"), "maintenance", null), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("expected status 2xx, got 503");
        }
        var okHead = concat(ascii("HTTP/1.1 200 O"), NOT_UTF8, ascii("K\r\nX-Garbage: "), NOT_UTF8,
                ascii("\r\nContent-Type: text/plain; charset="), NOT_UTF8, ascii("\r\n"));
        try (var garbled = answering(okHead, ascii("status: ok"))) {
            var run = check("api invalid UTF-8 in headers and charset, 200", http(garbled.url("/"), "status: ok", null), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.UP);
        }
    }

    @Test
    void a_status_line_of_garbage_is_down_with_a_printable_error() throws Exception {
        try (var garbled = HostileServer.http((client, out) -> {
            out.write(concat(NOT_UTF8, ascii(" 200 \u001b]0;pwned\u0007\r\n\r\n")));
            out.flush();
        })) {
            var run = check("api status line of garbage", get(garbled.url("/")), TIMEOUT);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).startsWith("not an HTTP response (it answered '").endsWith("')");
        }
    }
}
