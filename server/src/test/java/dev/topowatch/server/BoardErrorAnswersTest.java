package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer, the board's and the web server's own, as a client sees it on the wire: the
 * JSON shape {@code {"error", "detail"}}, the security headers, and {@code WWW-Authenticate} on a 401.
 */
class BoardErrorAnswersTest {

    @TempDir
    Path directory;

    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = BoardHarness.start(directory, """
                board: {token: wr1te, read_token: r3ad}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                """);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** One raw HTTP/1.1 exchange: what Jetty answers before any route sees the request. */
    private record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return BoardHarness.JSON.readTree(body);
        }
    }

    private Answer raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", harness.board.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var head = text.substring(0, text.indexOf("\r\n\r\n"));
            var lines = head.split("\r\n");
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                var colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(head.length() + 4));
        }
    }

    private static void assertJsonErrorWithSecurityHeaders(Answer answer, int status, String error) throws IOException {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/json");
        assertThat(answer.headers()).containsKeys("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy");
        assertThat(answer.json().get("error").asText()).isEqualTo(error);
        assertThat(answer.json().get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("<h2>");
    }

    @Test
    void a_401_names_the_bearer_scheme() throws Exception {
        var read = harness.get("/api/entities");
        var write = harness.send("POST", "/api/reload", "Authorization", "Bearer r3ad");

        for (var answer : java.util.List.of(read, write)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"topowatch\"");
            assertThat(BoardHarness.JSON.readTree(answer.body()).get("error").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void an_unknown_http_version_is_a_json_505() throws Exception {
        assertJsonErrorWithSecurityHeaders(raw("GET /api/summary HTTP/9.9x\r\nHost: x\r\n\r\n"), 505, "http_version_not_supported");
    }

    @Test
    void two_host_headers_are_a_json_400() throws Exception {
        assertJsonErrorWithSecurityHeaders(raw("GET /api/summary HTTP/1.1\r\nHost: x\r\nHost: y\r\nConnection: close\r\n\r\n"),
                400, "bad_request");
    }

    @Test
    void a_header_without_a_colon_is_a_json_400() throws Exception {
        assertJsonErrorWithSecurityHeaders(raw("GET /api/summary HTTP/1.1\r\nHost: x\r\nno colon here\r\nConnection: close\r\n\r\n"),
                400, "bad_request");
    }

    @Test
    void a_uri_too_long_is_a_json_414() throws Exception {
        var answer = raw("GET /api/entities?x=" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertJsonErrorWithSecurityHeaders(answer, 414, "uri_too_long");
        assertThat(answer.body()).doesNotContain("aaaa");
    }

    @Test
    void headers_too_large_are_a_json_431() throws Exception {
        var answer = raw("GET /api/summary HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");

        assertJsonErrorWithSecurityHeaders(answer, 431, "headers_too_large");
        assertThat(answer.body()).doesNotContain("bbbb");
    }

    @Test
    void an_error_of_a_route_has_the_security_headers_too() throws Exception {
        var answer = raw("GET /diagram.svg?focus=db&depth=-5&token=r3ad HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertJsonErrorWithSecurityHeaders(answer, 400, "bad_request");
    }
}
