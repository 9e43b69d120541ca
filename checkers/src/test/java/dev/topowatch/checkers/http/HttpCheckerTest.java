package dev.topowatch.checkers.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checkers;
import dev.topowatch.checkers.support.RawServer;
import dev.topowatch.checkers.support.TestCertificates;
import dev.topowatch.checkers.support.TestHttpServer;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.HttpExpectation;
import dev.topowatch.topology.check.StatusPattern;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.topowatch.checkers.support.Entities.closedPort;
import static dev.topowatch.checkers.support.Entities.entity;
import static dev.topowatch.checkers.support.Entities.get;
import static dev.topowatch.checkers.support.Entities.http;
import static dev.topowatch.checkers.support.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

class HttpCheckerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.systemUTC();
    private static TestHttpServer server;
    private static OkHttpClient shared;
    private static HttpChecker checker;

    @BeforeAll
    static void startServer() {
        server = TestHttpServer.http()
                .on("/ok", exchange -> respond(exchange, 200, "status: ok"))
                .on("/unavailable", exchange -> respond(exchange, 503, "maintenance"))
                .on("/slow", exchange -> {
                    sleep(400);
                    respond(exchange, 200, "finally");
                })
                .on("/loop", exchange -> {
                    exchange.getResponseHeaders().set("Location", "/loop");
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                })
                .on("/moved", exchange -> {
                    exchange.getResponseHeaders().set("Location", "/ok");
                    exchange.sendResponseHeaders(301, -1);
                    exchange.close();
                })
                .on("/health.json", exchange -> respond(exchange, 200, "application/json",
                        "{\"status\":\"ok\",\"version\":\"2.4.1\",\"db\":{\"size\":\"1.2 GB\",\"connections\":12},\"ready\":true}"))
                .on("/huge", exchange -> {
                    // 100 MB, streamed: the checker must judge it from the first MiB and hang up.
                    exchange.getResponseHeaders().set("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, 0);
                    var chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    try (var out = exchange.getResponseBody()) {
                        out.write("status: ok\n".getBytes(StandardCharsets.UTF_8));
                        for (int i = 0; i < 1600; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException clientHungUp) {
                        // Expected: the checker stops reading after 1 MiB.
                    }
                });
        shared = Checkers.newHttpClient();
        checker = new HttpChecker(shared, CLOCK);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        shared.connectionPool().evictAll();
    }

    private static CheckResult check(HttpCheck spec) {
        return check(spec, TIMEOUT);
    }

    private static CheckResult check(HttpCheck spec, Duration timeout) {
        return checker.check(entity("api", EntityType.API, spec), timeout);
    }

    private static HttpExpectation expect(String bodyContains, String regex, Map<String, com.fasterxml.jackson.databind.JsonNode> json) {
        return new HttpExpectation(HttpExpectation.DEFAULT.status(), bodyContains == null ? null : ConfigText.literal(bodyContains),
                regex, json, null, null);
    }

    @Test
    void answering_200_is_up_with_the_status_in_details() {
        var result = check(get(server.url("/ok")));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.error()).isNull();
        assertThat(result.details()).containsEntry("http_status", "200");
        assertThat(result.latency()).isPositive();
    }

    @Test
    void an_entity_edited_to_a_new_url_is_checked_there_not_at_the_url_it_had() {
        // The checker keeps each entity's built request: an edit (a reload) must not be served the old one.
        var before = checker.check(entity("svc", EntityType.API, get(server.url("/ok"))), TIMEOUT);
        var after = checker.check(entity("svc", EntityType.API, get(server.url("/unavailable"))), TIMEOUT);
        var again = checker.check(entity("svc", EntityType.API, get(server.url("/ok"))), TIMEOUT);

        assertThat(before.status()).isEqualTo(Status.UP);
        assertThat(after.status()).isEqualTo(Status.DOWN);
        assertThat(after.details()).containsEntry("url", server.url("/unavailable"));
        assertThat(again.status()).isEqualTo(Status.UP);
    }

    @Test
    void answering_503_is_down_and_says_which_status_was_expected() {
        var result = check(get(server.url("/unavailable")));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("expected status 2xx, got 503");
    }

    @Test
    void an_expected_exact_status_is_named_in_the_error() {
        var result = check(http(server.url("/unavailable"),
                new HttpExpectation(List.of(StatusPattern.code(200), StatusPattern.code(204)), null, null, Map.of(), null, null)));

        assertThat(result.error()).isEqualTo("expected status 200 or 204, got 503");
    }

    @Test
    void a_503_that_is_expected_is_up() {
        var result = check(http(server.url("/unavailable"),
                new HttpExpectation(List.of(StatusPattern.code(503)), null, null, Map.of(), null, null)));

        assertThat(result.status()).isEqualTo(Status.UP);
    }

    @Test
    void slower_than_max_latency_is_degraded_not_down() {
        var result = check(http(server.url("/slow"),
                new HttpExpectation(HttpExpectation.DEFAULT.status(), null, null, Map.of(), Duration.ofMillis(100), null)));

        assertThat(result.status()).isEqualTo(Status.DEGRADED);
        assertThat(result.error()).startsWith("slow: ").endsWith("over max_latency 100 ms");
        assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void a_server_that_accepts_and_never_answers_times_out_within_the_timeout() throws IOException {
        try (var hanging = new RawServer(RawServer.Behaviour.ACCEPT_AND_HANG)) {
            long started = System.nanoTime();
            var result = check(get("http://127.0.0.1:" + hanging.port() + "/"), Duration.ofMillis(500));
            var took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("timeout after 500 ms");
            assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
        }
    }

    @Test
    void a_connection_reset_is_reported_as_such() throws IOException {
        try (var resetting = new RawServer(RawServer.Behaviour.RESET_AFTER_REQUEST)) {
            var result = check(get("http://127.0.0.1:" + resetting.port() + "/"));

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isIn("connection reset", "connection closed before a complete response");
        }
    }

    @Test
    void nothing_listening_is_connection_refused() {
        var result = check(get("http://127.0.0.1:" + closedPort() + "/"));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void a_redirect_loop_is_down_with_too_many_redirects() {
        var result = check(get(server.url("/loop")));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("too many redirects");
    }

    @Test
    void redirects_are_followed_unless_turned_off() {
        var followed = check(get(server.url("/moved")));
        var notFollowed = check(new HttpCheck(ConfigText.literal(server.url("/moved")), "GET", Map.of(), null, false, false,
                HttpExpectation.DEFAULT, Map.of()));

        assertThat(followed.status()).isEqualTo(Status.UP);
        assertThat(notFollowed.status()).isEqualTo(Status.DOWN);
        assertThat(notFollowed.error()).isEqualTo("expected status 2xx, got 301");
    }

    @Test
    void a_missing_body_text_is_named_in_the_error() {
        var result = check(http(server.url("/ok"), expect("healthy", null, Map.of())));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("body does not contain 'healthy'");
    }

    @Test
    void body_contains_and_regex_that_match_are_up() {
        var result = check(http(server.url("/ok"), expect("ok", "status:\\s+\\w+", Map.of())));

        assertThat(result.status()).isEqualTo(Status.UP);
    }

    @Test
    void a_regex_that_does_not_match_is_down() {
        var result = check(http(server.url("/ok"), expect(null, "^version", Map.of())));

        assertThat(result.error()).isEqualTo("body does not match /^version/");
    }

    @Test
    void json_pointer_values_are_compared_and_captured_into_extra() {
        var json = JsonNodeFactory.instance;
        var spec = new HttpCheck(ConfigText.literal(server.url("/health.json")), "GET", Map.of(), null, true, false,
                expect(null, null, Map.of("/status", json.textNode("ok"), "/db/connections", json.numberNode(12L),
                        "/ready", json.booleanNode(true))),
                Map.of("version", "/version", "db_size", "/db/size", "absent", "/nope"));

        var result = check(spec);

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.extra()).containsExactlyInAnyOrderEntriesOf(Map.of("version", "2.4.1", "db_size", "1.2 GB"));
    }

    @Test
    void a_json_value_that_differs_is_down_with_both_values() {
        var spec = http(server.url("/health.json"), expect(null, null, Map.of("/status", JsonNodeFactory.instance.textNode("green"))));

        var result = check(spec);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("expected JSON /status to be \"green\", got \"ok\"");
    }

    @Test
    void a_body_that_is_not_json_fails_a_json_expectation() {
        var spec = http(server.url("/ok"), expect(null, null, Map.of("/status", JsonNodeFactory.instance.textNode("ok"))));

        assertThat(check(spec).error()).isEqualTo("body is not JSON");
    }

    @Test
    void a_100_mb_answer_is_judged_from_its_first_mib_in_bounded_time() {
        long started = System.nanoTime();
        var found = check(http(server.url("/huge"), expect("status: ok", null, Map.of())));
        var notFound = check(http(server.url("/huge"), expect("the end", null, Map.of())));
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(found.status()).isEqualTo(Status.UP);
        assertThat(found.details()).containsEntry("body_truncated", "first 1024 KiB read");
        assertThat(notFound.error()).isEqualTo("body does not contain 'the end' (first 1024 KiB read)");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void method_headers_and_body_are_sent_as_configured() {
        var received = new AtomicReference<String>();
        server.on("/echo", exchange -> {
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Probe") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 201, "");
        });
        var spec = new HttpCheck(ConfigText.literal(server.url("/echo")), "POST",
                Map.of("X-Probe", ConfigText.of("${PROBE}", "from-env"), "Content-Type", ConfigText.literal("application/json")),
                ConfigText.literal("{\"ping\":1}"), true, false, HttpExpectation.DEFAULT, Map.of());

        var result = check(spec);

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(received.get()).isEqualTo("POST from-env application/json {\"ping\":1}");
    }

    @Test
    void a_secret_in_the_url_never_appears_in_the_result() {
        var url = ConfigText.of("http://127.0.0.1:" + closedPort() + "/?token=${TOKEN}",
                "http://127.0.0.1:" + closedPort() + "/?token=hunter2-secret");
        var result = check(new HttpCheck(url, "GET", Map.of(), null, true, false, HttpExpectation.DEFAULT, Map.of()));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.toString()).doesNotContain("hunter2");
        assertThat(result.details().get("url")).endsWith("/?token=******");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** TLS: a private CA the checker is told to trust, and certificates in every state. */
    @org.junit.jupiter.api.Nested
    class Certificates {
        private static TestCertificates certificates;

        @BeforeAll
        static void makeCertificateAuthority() throws Exception {
            certificates = new TestCertificates();
        }

        private HttpChecker trustingTheTestCa() throws Exception {
            var trust = certificates.trust();
            var client = shared.newBuilder().sslSocketFactory(certificates.clientContext().getSocketFactory(), trust).build();
            return new HttpChecker(client, CLOCK);
        }

        private static HttpCheck tls(TestHttpServer tlsServer, boolean insecure, Integer certificateDays) {
            return new HttpCheck(ConfigText.literal(tlsServer.url("/ok")), "GET", Map.of(), null, true, insecure,
                    new HttpExpectation(HttpExpectation.DEFAULT.status(), null, null, Map.of(), null, certificateDays), Map.of());
        }

        private TestHttpServer serverValidFor(Duration before, Duration after) throws Exception {
            var now = Instant.now();
            return TestHttpServer.https(certificates.server(now.minus(before), now.plus(after)))
                    .on("/ok", exchange -> respond(exchange, 200, "ok"));
        }

        @Test
        void a_certificate_expiring_in_3_days_degrades_under_certificate_days() throws Exception {
            try (var tlsServer = serverValidFor(Duration.ofDays(30), Duration.ofDays(3).plusHours(2))) {
                var result = trustingTheTestCa().check(entity("api", EntityType.API, tls(tlsServer, false, 14)), TIMEOUT);

                assertThat(result.status()).isEqualTo(Status.DEGRADED);
                assertThat(result.error()).isEqualTo("certificate expires in 3 days");
                assertThat(result.details()).containsEntry("certificate_days_left", "3");
            }
        }

        @Test
        void a_certificate_with_enough_days_left_is_up() throws Exception {
            try (var tlsServer = serverValidFor(Duration.ofDays(1), Duration.ofDays(90))) {
                var result = trustingTheTestCa().check(entity("api", EntityType.API, tls(tlsServer, false, 14)), TIMEOUT);

                assertThat(result.status()).isEqualTo(Status.UP);
            }
        }

        @Test
        void an_expired_certificate_is_down() throws Exception {
            try (var tlsServer = serverValidFor(Duration.ofDays(90), Duration.ofDays(-2))) {
                var result = trustingTheTestCa().check(entity("api", EntityType.API, tls(tlsServer, false, 14)), TIMEOUT);

                assertThat(result.status()).isEqualTo(Status.DOWN);
                assertThat(result.error()).isEqualTo("certificate expired");
            }
        }

        @Test
        void a_certificate_from_an_unknown_issuer_is_down() throws Exception {
            try (var tlsServer = serverValidFor(Duration.ofDays(1), Duration.ofDays(90))) {
                var result = checker.check(entity("api", EntityType.API, tls(tlsServer, false, null)), TIMEOUT);

                assertThat(result.status()).isEqualTo(Status.DOWN);
                assertThat(result.error()).isEqualTo("certificate is not trusted (self-signed or unknown issuer)");
            }
        }

        @Test
        void insecure_accepts_an_unknown_issuer_for_that_entity_only() throws Exception {
            try (var tlsServer = serverValidFor(Duration.ofDays(1), Duration.ofDays(90))) {
                var insecure = checker.check(entity("lab", EntityType.API, tls(tlsServer, true, null)), TIMEOUT);
                var secure = checker.check(entity("api", EntityType.API, tls(tlsServer, false, null)), TIMEOUT);

                assertThat(insecure.status()).isEqualTo(Status.UP);
                assertThat(secure.status()).isEqualTo(Status.DOWN);
            }
        }

        @Test
        void insecure_with_an_expired_certificate_is_degraded_not_down() throws Exception {
            try (var tlsServer = serverValidFor(Duration.ofDays(90), Duration.ofDays(-2).minusHours(1))) {
                var result = checker.check(entity("lab", EntityType.API, tls(tlsServer, true, 7)), TIMEOUT);

                assertThat(result.status()).isEqualTo(Status.DEGRADED);
                assertThat(result.error()).isEqualTo("certificate expired 2 days ago");
            }
        }
    }
}
