package dev.topowatch.server;

import dev.topowatch.server.testing.FakeTelegram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole board with real checks alerting a fake Bot API: what the user of `serve` meets. */
class BoardAlertsTest {
    private static final String TOKEN = "777:board-token";

    @TempDir
    Path directory;
    private FakeTelegram telegram;
    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram(TOKEN);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        telegram.close();
    }

    private String topology(String entities) {
        return """
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                alerts:
                  group_window: 4s
                  telegram: {bot_token: "%s", chat_id: 42, api_url: %s}
                entities:
                %s""".formatted(TOKEN, telegram.url(), entities);
    }

    @Test
    void a_real_outage_is_alerted_once_with_its_casualty_and_the_summary_shows_nothing_undelivered() throws Exception {
        harness = BoardHarness.start(directory, topology("""
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                  api: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db]}
                """));

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(20));
        harness.awaitStatus("api", "blocked");
        Thread.sleep(5000);

        assertThat(telegram.delivered()).hasSize(1);
        assertThat(sent.getFirst().text()).startsWith("🔴 <b>db</b> is DOWN since").contains("connection refused\nblocks: api");
        var alerts = harness.json("/api/summary").get("alerts");
        assertThat(alerts.get("undelivered").asLong()).isZero();
    }

    @Test
    void undelivered_alerts_show_in_the_summary_while_telegram_is_down() throws Exception {
        telegram.failNext(1000, 502, 0);
        harness = BoardHarness.start(directory, topology("""
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                """));

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        var alerts = harness.json("/api/summary").get("alerts");
        while (alerts.get("undelivered").asLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            alerts = harness.json("/api/summary").get("alerts");
        }
        assertThat(alerts.get("undelivered").asLong()).isEqualTo(1);
        assertThat(alerts.get("undelivered_by_channel").get("telegram chat 42").asLong()).isEqualTo(1);
        assertThat(telegram.delivered()).isEmpty();
    }

    @Test
    void an_invalid_edit_is_sent_to_the_chat_once_and_again_only_when_the_errors_change() throws Exception {
        var good = topology("  db: {type: tcp, host: 127.0.0.1, port: %d}\n".formatted(portOf(telegram.url())));
        harness = BoardHarness.start(directory, good);

        Files.writeString(harness.file, good + "  cache: {type: tcp, host: 127.0.0.1, prot: 2}\n");
        var first = telegram.awaitDelivered(1, Duration.ofSeconds(15));
        assertThat(first.getFirst().text()).contains("topology file is invalid")
                .contains("topology.yaml:7:39: entity 'cache' (tcp): unknown key 'prot' (did you mean 'port'?)");

        Files.writeString(harness.file, good + "  cache: {type: tcp, host: 127.0.0.1, prot: 2}\n\n");
        Thread.sleep(2500);
        assertThat(telegram.delivered()).as("the same errors are not sent twice").hasSize(1);

        Files.writeString(harness.file, good);
        Thread.sleep(1500);
        Files.writeString(harness.file, good + "  cache: {type: tcp, host: 127.0.0.1, porrt: 2}\n");
        var second = telegram.awaitDelivered(2, Duration.ofSeconds(15));
        assertThat(second.get(1).text()).contains("unknown key 'porrt'");
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
