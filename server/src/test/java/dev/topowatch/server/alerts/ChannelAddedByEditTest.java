package dev.topowatch.server.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.RunningClock;
import dev.topowatch.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat (or webhook) added to a running board by an edit of its file hears of the problems already
 * open, once, in one summary, and then of their recoveries; the chats that were there hear nothing
 * new, and a restart does not tell it again.
 */
class ChannelAddedByEditTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;
    FakeTelegram telegram;
    WebhookReceiver receiver;
    RunningClock clock;
    AlertsHarness alerts;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram(TelegramAlertsTest.TOKEN);
        receiver = new WebhookReceiver();
        clock = new RunningClock(START);
        alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology(""));
        clock.set(START);
    }

    @AfterEach
    void stop() {
        alerts.close();
        receiver.close();
        telegram.close();
    }

    private String topology(String extra) {
        return TelegramAlertsTest.topology(telegram.url(), extra);
    }

    /** db down with two casualties, cache degraded, a quiet entity down: what chat 42 was told at 10:00. */
    private void problemsOpen() throws Exception {
        alerts.down("db", "connection refused");
        alerts.down("api", "timeout after 5000 ms");
        alerts.down("worker", "timeout after 5000 ms");
        alerts.degraded("cache", "latency 2500 ms over 1000 ms");
        alerts.down("quiet", "connection refused");
        telegram.awaitDelivered(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void a_chat_added_to_a_running_board_gets_one_summary_of_what_is_open_then_its_recoveries_and_no_repeat_after_a_restart() throws Exception {
        problemsOpen();

        alerts.reload(topology("").replace("chat_id: [42]", "chat_id: [42, 43]"));
        alerts.awaitOutboxEmpty();

        assertThat(telegram.deliveredTo("43")).extracting(FakeTelegram.Sent::text).containsExactly("""
                📋 This chat now gets topowatch alerts. Open now:
                🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC: connection refused
                blocks 2: api, worker
                🟠 <b>cache</b> is DEGRADED since 2026-12-01 10:00:00 UTC: latency 2500 ms over 1000 ms
                <a href="http://board.example:8080/">Open the board</a>""");
        assertThat(telegram.deliveredTo("42")).as("the chat that was there hears nothing new").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        alerts.up("db");
        alerts.awaitOutboxEmpty();
        assertThat(telegram.deliveredTo("43")).last().satisfies(recovery ->
                assertThat(recovery.text()).startsWith("✅ <b>db</b> recovered after 6m"));
        assertThat(telegram.deliveredTo("42")).hasSize(2);

        alerts.restart();
        alerts.awaitOutboxEmpty();
        assertThat(telegram.deliveredTo("43")).hasSize(2);
    }

    @Test
    void a_webhook_added_to_a_running_board_gets_one_open_problems_event_listing_them() throws Exception {
        problemsOpen();

        alerts.reload(topology("  webhooks: [{url: '%s'}]".formatted(receiver.url())));
        alerts.awaitOutboxEmpty();

        assertThat(receiver.accepted()).singleElement().satisfies(call -> {
            var payload = new ObjectMapper().readTree(call.body());
            assertThat(payload.path("event").asText()).isEqualTo("open_problems");
            assertThat(payload.path("problems")).hasSize(2);
            var db = payload.path("problems").get(0);
            assertThat(db.path("entity").asText()).isEqualTo("db");
            assertThat(db.path("status").asText()).isEqualTo("down");
            assertThat(db.path("since").asText()).startsWith("2026-12-01T10:00:00");
            assertThat(db.path("error").asText()).isEqualTo("connection refused");
            assertThat(db.path("casualties")).extracting(node -> node.asText()).containsExactly("api", "worker");
            assertThat(payload.path("problems").get(1).path("status").asText()).isEqualTo("degraded");
        });
    }

    @Test
    void a_chat_added_while_nothing_is_open_hears_nothing_until_something_happens() throws Exception {
        alerts.reload(topology("").replace("chat_id: [42]", "chat_id: [42, 43]"));
        alerts.awaitOutboxEmpty();

        assertThat(telegram.deliveredTo("43")).isEmpty();
    }
}
