package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the board serves, walked from its own route table: with {@code read_token} set, no read
 * answers without it; no change is made without the board token, neither with a wrong one nor with
 * the read token; static files do not leave their folder.
 */
class BoardAccessTest {
    private static final String TOKEN = "write-t0ken";
    private static final String READ_TOKEN = "read-t0ken";
    /** Open on purpose: probes of the board's own health, and the API's description. */
    private static final Set<String> PUBLIC = Set.of("GET /health/live", "GET /health/ready", "GET /openapi.json");
    /** A change sent as a GET, so that cron's plain curl can push: guarded like any change. */
    private static final Set<String> CHANGES_BY_GET = Set.of("GET /api/push/{name}");

    @TempDir
    Path directory;
    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = BoardHarness.start(directory, """
                board: {token: "%s", read_token: "%s"}
                defaults: {interval: 1s, timeout: 500ms}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                  beat: {type: heartbeat, max_silence: 1h, token: beat-t0ken}
                """.formatted(TOKEN, READ_TOKEN));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private int status(String route, String token) throws IOException, InterruptedException {
        var space = route.indexOf(' ');
        var method = route.substring(0, space);
        var path = route.substring(space + 1).replace("{name}", "beat").replace("{file}", "db.svg");
        var request = HttpRequest.newBuilder(harness.uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", path.equals("/api/stream") ? "text/event-stream" : "application/json")
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // Headers are enough, and the stream never ends: take the status and hang up.
        var response = harness.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = response.body()) {
            return response.statusCode();
        }
    }

    @Test
    void no_route_answers_a_read_without_the_read_token_or_a_change_without_the_board_token() throws Exception {
        var routes = harness.board.app().routes();
        assertThat(routes).hasSizeGreaterThan(15);
        var refused = new ArrayList<String>();
        var allowed = new ArrayList<String>();
        for (var route : routes) {
            if (PUBLIC.contains(route)) {
                assertThat(status(route, null)).as(route).isEqualTo(200);
                continue;
            }
            if (route.startsWith("GET ") && !CHANGES_BY_GET.contains(route)) {
                check(route, null, 401, refused);
                check(route, "wrong-t0ken", 401, refused);
                int withToken = status(route, READ_TOKEN);
                (withToken < 400 ? allowed : refused).add(route + " with the read token: " + withToken);
            } else {
                check(route, null, 401, refused);
                check(route, "wrong-t0ken", 401, refused);
                check(route, READ_TOKEN, 401, refused);
                int withToken = status(route, TOKEN);
                (withToken == 401 || withToken == 403 ? refused : allowed).add(route + " with the board token: " + withToken);
            }
        }
        assertThat(refused).as("refused where it should have answered").noneMatch(line -> line.contains(" with the "));
        assertThat(refused).as("wrong answers without the right token").allMatch(line -> line.endsWith("as expected"));
        assertThat(allowed).hasSize(routes.size() - PUBLIC.size());
    }

    private void check(String route, String token, int expected, List<String> refused) throws IOException, InterruptedException {
        int actual = status(route, token);
        refused.add(route + (token == null ? " without a token" : " with " + token) + ": " + actual
                + (actual == expected ? " as expected" : " but expected " + expected));
    }

    @Test
    void a_heartbeat_push_takes_its_own_token_but_not_the_read_token() throws Exception {
        assertThat(status("POST /api/push/{name}", "beat-t0ken")).isBetween(200, 299);
        assertThat(status("POST /api/push/{name}", READ_TOKEN)).isEqualTo(401);
        assertThat(status("GET /api/push/{name}", "beat-t0ken")).as("no read token needed beside it").isBetween(200, 299);
        assertThat(status("GET /api/push/{name}", READ_TOKEN)).isEqualTo(401);
    }

    @Test
    void the_page_forbids_inline_script_framing_and_sniffing_and_has_no_inline_script_of_its_own() throws Exception {
        var page = harness.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        var policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        var scriptSources = policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
        assertThat(scriptSources).isEqualTo("script-src 'self'");
        assertThat(policy).contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        var scripts = java.util.regex.Pattern.compile("<script\\b[^>]*>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            assertThat(scripts.group()).as("no inline script").contains("src=");
            count++;
        }
        assertThat(count).isPositive();
    }

    @Test
    void a_change_never_takes_its_token_from_the_url_so_a_cross_site_form_or_link_cannot_carry_it() throws Exception {
        for (var route : List.of("POST /api/reload", "POST /api/entities/db/check", "POST /api/maintenance", "DELETE /api/maintenance")) {
            var space = route.indexOf(' ');
            var request = HttpRequest.newBuilder(harness.uri(route.substring(space + 1) + "?token=" + TOKEN))
                    .method(route.substring(0, space), HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example").build();
            assertThat(harness.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).as(route).isEqualTo(401);
        }
    }

    @Test
    void static_files_do_not_leave_their_folder() throws Exception {
        for (var path : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                "/board.js/../../../../etc/passwd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/topowatch/openapi.json/../../dev/topowatch/server/Board.class",
                "/..;/..;/etc/passwd")) {
            var answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotContain("root:x:0:0").doesNotContain("CAFEBABE").startsWith("HTTP/1.1 ");
            assertThat(answer.substring(9, 12)).as(path).isIn("400", "404");
        }
    }

    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", harness.board.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
