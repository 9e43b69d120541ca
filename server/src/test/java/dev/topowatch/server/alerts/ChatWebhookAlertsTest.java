package dev.topowatch.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.testing.RunningClock;
import dev.topowatch.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack and Discord end to end: the real alerting path (SQLite outbox, engine, alerter) posting to
 * a stand-in for each service's webhook on 127.0.0.1, which checks the JSON has the service's shape.
 */
@Tag("slow")
class ChatWebhookAlertsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One chat service: its section of {@code alerts:} and how its message reads, its shape checked. */
    enum Chat {
        SLACK("slack") {
            @Override
            Message read(JsonNode body) {
                assertThat(body.path("text").isTextual()).as("slack: a text for notifications").isTrue();
                var titles = new ArrayList<String>();
                var text = new StringBuilder();
                for (var block : body.path("blocks")) {
                    assertThat(block.path("type").asText()).isIn("section", "context");
                    if (block.path("type").asText().equals("section")) {
                        assertThat(block.path("text").path("type").asText()).isEqualTo("mrkdwn");
                        var mrkdwn = block.path("text").path("text").asText();
                        titles.add(mrkdwn.substring(mrkdwn.indexOf('*') + 1, mrkdwn.indexOf('*', mrkdwn.indexOf('*') + 1)));
                        text.append(mrkdwn).append('\n');
                    }
                }
                return new Message(titles, text.toString(), List.of());
            }
        },
        DISCORD("discord") {
            @Override
            Message read(JsonNode body) {
                assertThat(body.path("allowed_mentions").path("parse").isEmpty()).as("discord: nobody pinged").isTrue();
                var titles = new ArrayList<String>();
                var colours = new ArrayList<Integer>();
                var text = new StringBuilder();
                for (var embed : body.path("embeds")) {
                    titles.add(embed.path("title").asText());
                    colours.add(embed.path("color").asInt());
                    text.append(embed.path("description").asText()).append('\n');
                    assertThat(embed.path("url").asText()).startsWith("http://board.example:8080/?focus=");
                }
                return new Message(titles, text.toString(), colours);
            }
        };

        final String key;

        Chat(String key) {
            this.key = key;
        }

        abstract Message read(JsonNode body);
    }

    /** A message as a person sees it: its alerts' titles, its text, and (Discord) each alert's colour. */
    record Message(List<String> titles, String text, List<Integer> colours) {
    }

    @TempDir
    Path directory;
    WebhookReceiver receiver;
    RunningClock clock = new RunningClock(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    String topology(Chat chat) {
        return AlertsHarness.chain("""
                  %s:
                    webhook_url: %s
                """.formatted(chat.key, receiver.url()));
    }

    Message message(Chat chat, WebhookReceiver.Call call) throws Exception {
        assertThat(call.header("Content-Type")).startsWith("application/json");
        return chat.read(JSON.readTree(call.body()));
    }

    @ParameterizedTest
    @EnumSource(Chat.class)
    void one_message_names_the_root_with_its_casualties_and_a_second_tells_its_recovery(Chat chat) throws Exception {
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology(chat))) {
            alerts.outage("connection refused <&>", Duration.ofMinutes(3), clock::advance);

            var accepted = receiver.accepted();
            assertThat(accepted).hasSize(2);
            var down = message(chat, accepted.get(0));
            assertThat(down.titles()).containsExactly("db is DOWN");
            assertThat(down.text()).contains("blocks 2: api, web");
            var recovered = message(chat, accepted.get(1));
            assertThat(recovered.titles()).containsExactly("db recovered after 3m");
            assertThat(recovered.text()).contains("2 affected at the peak");
            if (chat == Chat.SLACK) {
                assertThat(down.text()).contains("connection refused &lt;&amp;&gt;").contains("<http://board.example:8080/?focus=db|Open the board>");
            } else {
                assertThat(down.colours()).containsExactly(0xD32F2F);
                assertThat(recovered.colours()).containsExactly(0x2E7D32);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Chat.class)
    void a_500_is_retried_and_a_429_waits_as_long_as_its_retry_after_says(Chat chat) throws Exception {
        receiver.failNext(1, 500);
        receiver.rateLimitNext("1");
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology(chat))) {
            alerts.down("db", "connection refused");
            alerts.awaitOutboxEmpty();

            var calls = receiver.calls();
            assertThat(calls).extracting(WebhookReceiver.Call::answered).containsExactly(500, 429, 204);
            assertThat(calls.get(2).body()).as("the same message each time").isEqualTo(calls.get(0).body());
            // The backoff after a failure is 100 ms here: only the Retry-After explains a wait of a second.
            assertThat(Duration.ofNanos(calls.get(2).at() - calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @ParameterizedTest
    @EnumSource(Chat.class)
    void a_message_not_delivered_before_a_restart_is_delivered_once_after_it(Chat chat) throws Exception {
        receiver.failNext(1000, 503);
        var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology(chat));
        alerts.down("db", "connection refused");
        while (receiver.calls().size() < 2) {
            Thread.sleep(20);
        }
        alerts.close();
        assertThat(receiver.accepted()).isEmpty();

        receiver.recover();
        alerts.open();
        alerts.awaitOutboxEmpty();
        alerts.close();

        assertThat(receiver.accepted()).hasSize(1);
        assertThat(message(chat, receiver.accepted().getFirst()).titles()).containsExactly("db is DOWN");
    }
}
