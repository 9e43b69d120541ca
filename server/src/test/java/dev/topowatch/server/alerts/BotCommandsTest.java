package dev.topowatch.server.alerts;

import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.RunningClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot answers its commands over long polling, in the configured chats only. */
class BotCommandsTest {
    @TempDir
    Path directory;

    @Test
    void commands_are_answered_in_the_configured_chat_and_ignored_elsewhere() throws Exception {
        var clock = new RunningClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (var telegram = new FakeTelegram(TelegramAlertsTest.TOKEN);
             var alerts = new AlertsHarness(directory.resolve("board.db"), clock, TelegramAlertsTest.topology(telegram.url(), ""))) {
            clock.set(Instant.parse("2026-12-01T10:00:00Z"));
            alerts.down("db", "connection refused");
            alerts.down("api", "timeout after 5000 ms");
            telegram.awaitDelivered(1, Duration.ofSeconds(5));

            telegram.userSays(99, "/status");
            telegram.userSays(42, "/status");
            var status = awaitReply(telegram, 2);
            assertThat(status).contains("8 entities").contains("1 down").contains("1 blocked")
                    .contains("🔴 <b>db</b> since 2026-12-01 10:00:00 UTC, blocks 1: api");

            telegram.userSays(42, "/entity api");
            assertThat(awaitReply(telegram, 3)).contains("<b>api</b>: blocked").contains("root cause: db")
                    .contains("error: timeout after 5000 ms");

            telegram.userSays(42, "/mute cache 1h");
            // The clock runs on from 10:00:00 in real time, a few seconds on a busy machine: an hour from the command's moment.
            assertThat(awaitReply(telegram, 4)).containsPattern("<b>cache</b> muted until 2026-12-01 11:00:[0-5]\\d UTC");
            alerts.down("cache", "connection refused");
            Thread.sleep(1200);
            assertThat(telegram.delivered()).hasSize(4);

            telegram.userSays(42, "/unmute cache");
            assertThat(awaitReply(telegram, 5)).contains("unmuted");

            assertThat(telegram.delivered()).allSatisfy(message -> assertThat(message.chatId()).isEqualTo("42"));
        }
    }

    private static String awaitReply(FakeTelegram telegram, int count) throws InterruptedException {
        var delivered = telegram.awaitDelivered(count, Duration.ofSeconds(5));
        assertThat(delivered).hasSize(count);
        return delivered.getLast().text();
    }
}
