package dev.topowatch.server.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.alerts.webhook.Signature;
import dev.topowatch.server.store.Store;
import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.RunningClock;
import dev.topowatch.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks end to end against a receiver on 127.0.0.1, and what a crash between sending and marking costs. */
@Tag("slow")
class WebhookAlertsTest {
    static final String SECRET = "s3cret-for-hmac";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    WebhookReceiver receiver;
    FakeTelegram telegram;
    RunningClock clock = new RunningClock(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        telegram = new FakeTelegram(TelegramAlertsTest.TOKEN);
    }

    @AfterEach
    void stop() {
        receiver.close();
        telegram.close();
    }

    String topology() {
        return """
                board:
                  url: http://board.example:8080
                defaults:
                  failure_threshold: 1
                alerts:
                  group_window: 200ms
                  telegram:
                    bot_token: "%s"
                    chat_id: 42
                    api_url: %s
                  webhooks:
                    - url: %s
                      secret: %s
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 5432}
                  api: {type: tcp, host: 127.0.0.1, port: 8001, depends_on: [db]}
                """.formatted(TelegramAlertsTest.TOKEN, telegram.url(), receiver.url(), SECRET);
    }

    @Test
    void a_webhook_gets_a_signed_json_payload_naming_the_root_and_its_casualties() throws Exception {
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology())) {
            clock.set(Instant.parse("2026-12-01T10:00:00Z"));
            alerts.down("db", "connection refused");
            alerts.down("api", "timeout after 5000 ms");

            var call = receiver.awaitAccepted(1, Duration.ofSeconds(5)).getFirst();

            var body = call.body().getBytes(StandardCharsets.UTF_8);
            assertThat(call.header(Signature.HEADER)).isEqualTo(Signature.of(SECRET, body)).startsWith("sha256=");
            assertThat(Signature.of("wrong secret", body)).isNotEqualTo(call.header(Signature.HEADER));
            var payload = JSON.readTree(body);
            assertThat(payload.path("event").asText()).isEqualTo("down");
            assertThat(payload.path("entity").asText()).isEqualTo("db");
            assertThat(payload.path("status").asText()).isEqualTo("down");
            assertThat(payload.path("previous").asText()).isEqualTo("unknown");
            assertThat(payload.path("root_cause").asText()).isEqualTo("db");
            assertThat(payload.path("error").asText()).isEqualTo("connection refused");
            assertThat(payload.path("at").asText()).startsWith("2026-12-01T10:00:00");
            assertThat(payload.path("board_url").asText()).isEqualTo("http://board.example:8080");
            assertThat(payload.path("sent_at").asLong()).isEqualTo(Long.parseLong(call.header("X-Topowatch-Timestamp")));
            assertThat(call.header("X-Topowatch-Delivery")).isEqualTo(payload.path("id").asText());
        }
    }

    @Test
    void a_recovery_storm_posts_the_root_down_and_its_recovery_and_nothing_about_the_casualties() throws Exception {
        var yaml = TelegramAlertsTest.storm(telegram.url(), "  webhooks: [{url: '%s', secret: %s}]".formatted(receiver.url(), SECRET));
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, yaml)) {
            alerts.down("db", "connection refused");
            for (int app = 1; app <= 6; app++) {
                alerts.down("app" + app, "expected status 2xx, got 500");
            }
            receiver.awaitAccepted(1, Duration.ofSeconds(5));
            var justBeforeTheRootIsBack = clock.instant();
            clock.advance(Duration.ofMinutes(3));

            alerts.up("db");
            for (int app = 1; app <= 6; app++) {
                alerts.downTakenAt(justBeforeTheRootIsBack, "app" + app, "expected status 2xx, got 500");
                alerts.up("app" + app);
            }
            alerts.awaitOutboxEmpty();

            assertThat(receiver.accepted()).extracting(call -> {
                var payload = JSON.readTree(call.body());
                return payload.path("event").asText() + " " + payload.path("entity").asText() + " " + payload.path("casualties").size();
            }).containsExactly("down db 6", "recovered db 0");
        }
    }

    @Test
    void a_failing_webhook_is_retried_in_order_and_slows_no_other_channel() throws Exception {
        receiver.failNext(3, 503);
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology())) {
            alerts.down("db", "connection refused");
            telegram.awaitDelivered(1, Duration.ofSeconds(5));
            assertThat(receiver.accepted()).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            alerts.up("db");

            var accepted = receiver.awaitAccepted(2, Duration.ofSeconds(10));
            assertThat(accepted).extracting(call -> JSON.readTree(call.body()).path("event").asText())
                    .containsExactly("down", "recovered");
            assertThat(JSON.readTree(accepted.get(1).body()).path("duration_seconds").asLong()).isBetween(60L, 65L);
            assertThat(receiver.calls()).hasSize(5);
        }
    }

    @Test
    void a_crash_between_sending_and_marking_loses_nothing_and_repeats_at_most_once_with_the_same_delivery_id() throws Exception {
        var crashed = new AtomicBoolean(true);
        // Failure injection: the board "dies" after the channels accepted the messages, before they are marked.
        var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology(),
                real -> (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, method, args) -> {
                    if (method.getName().equals("alertsDelivered") && crashed.get()) {
                        throw new IllegalStateException("simulated crash before marking");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                }));
        alerts.down("db", "connection refused");
        telegram.awaitDelivered(1, Duration.ofSeconds(5));
        receiver.awaitAccepted(1, Duration.ofSeconds(5));

        Thread.sleep(500);
        alerts.close();
        crashed.set(false);
        alerts.open();
        telegram.awaitDelivered(2, Duration.ofSeconds(5));
        receiver.awaitAccepted(2, Duration.ofSeconds(5));
        Thread.sleep(1500);
        alerts.close();

        assertThat(telegram.delivered()).hasSize(2);
        assertThat(telegram.delivered().get(1).text()).isEqualTo(telegram.delivered().get(0).text());
        var deliveries = receiver.accepted().stream().map(call -> call.header("X-Topowatch-Delivery")).toList();
        assertThat(deliveries).hasSize(2);
        assertThat(List.copyOf(new java.util.LinkedHashSet<>(deliveries))).as("the receiver can drop the repeat by its id").hasSize(1);

        try (var again = new AlertsHarness(directory.resolve("board.db"), clock, topology())) {
            Thread.sleep(1000);
            assertThat(again.alerter.undelivered()).isEmpty();
        }
        assertThat(telegram.delivered()).as("delivered and marked: never sent a third time").hasSize(2);
    }
}
