package dev.topowatch.server.alerts;

import dev.topowatch.server.alerts.telegram.TelegramChannel;
import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A root's message stays true: as its casualties come and go the sent message is edited, within
 * Telegram's rate limits, across restarts, and not once its root has recovered. The clock stands
 * still unless the test moves it, so every wait (the group window, the pace of edits, backoff) is
 * passed by moving it, never by sleeping, and "not yet" is a fact, not a race.
 */
@Tag("slow")
class TelegramEditsTest {
    private static final List<String> CASUALTIES = List.of("auth_api", "checkout", "orders_api", "payments", "search",
            "shipping", "stock", "users", "web");

    @TempDir
    Path directory;
    FakeTelegram telegram;
    final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    AlertsHarness alerts;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram(TelegramAlertsTest.TOKEN);
        var entities = new StringBuilder("  db: {type: tcp, host: 127.0.0.1, port: 5432}\n");
        List.of("cache", "queue", "mail").forEach(root -> entities.append("  ").append(root).append(": {type: tcp, host: 127.0.0.1, port: 7000}\n"));
        CASUALTIES.forEach(name -> entities.append("  ").append(name).append(": {type: tcp, host: 127.0.0.1, port: 8000, depends_on: [db]}\n"));
        alerts = new AlertsHarness(directory.resolve("board.db"), clock, TelegramAlertsTest.topology(telegram.url(), "", entities.toString()));
    }

    @AfterEach
    void stop() {
        alerts.close();
        telegram.close();
    }

    private void blocked(int from, int to) {
        CASUALTIES.subList(from, to).forEach(name -> alerts.down(name, "timeout after 5000 ms"));
    }

    /** db and its first three casualties fail; the root's one message goes out. */
    private FakeTelegram.Sent rootMessage() throws InterruptedException {
        alerts.down("db", "connection refused");
        blocked(0, 3);
        clock.advance(Duration.ofSeconds(1));
        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(10));
        assertThat(sent.getFirst().text()).contains("blocks 3: auth_api, checkout, orders_api\n");
        return sent.getFirst();
    }

    /** Waits until the message shows {@code text}. */
    private void awaitShowing(FakeTelegram.Sent message, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!text.equals(telegram.showing(message.messageId())) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(telegram.showing(message.messageId())).isEqualTo(text);
    }

    /** Waits until the root's message, as sent, says {@code blocks} instead of what it said about its casualties. */
    private void awaitBlocks(FakeTelegram.Sent message, String blocks) throws InterruptedException {
        awaitShowing(message, message.text().replaceFirst("blocks \\d+: [^\n]*", blocks));
    }

    /** Telegram fails the next {@code failures} edits; casualties up to {@code casualties} are blocked and an edit is tried. */
    private void editFailsWhenBlocking(int failures, int casualties) throws InterruptedException {
        telegram.failNextEdits(failures, 502);
        blocked(3, casualties);
        clock.advance(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (telegram.editAttempts().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(telegram.editAttempts()).as("an edit was tried").isNotEmpty();
    }

    /** Something else goes through the chat's sender: once it arrived, the sender has looked at its edits since. */
    private void anotherRootIsTold(String root, int messages) throws InterruptedException {
        alerts.down(root, "connection reset");
        clock.advance(Duration.ofSeconds(1));
        assertThat(telegram.awaitDelivered(messages, Duration.ofSeconds(10))).hasSize(messages);
    }

    @Test
    void an_outage_growing_from_3_to_9_casualties_is_one_message_edited_to_count_9_and_its_recovery_says_9() throws Exception {
        var message = rootMessage();

        blocked(3, 9);
        clock.advance(Duration.ofSeconds(5));

        awaitShowing(message, """
                🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC
                connection refused
                blocks 9: auth_api, checkout, orders_api and 6 more
                <a href="http://board.example:8080/?focus=db">Open the board</a>""");
        assertThat(telegram.edited()).allSatisfy(edit -> {
            assertThat(edit.method()).isEqualTo("editmessagetext");
            assertThat(edit.parseMode()).isEqualTo("HTML");
        });
        CASUALTIES.subList(0, 6).forEach(alerts::up);
        clock.advance(Duration.ofMinutes(2));
        alerts.up("db");
        clock.advance(Duration.ofSeconds(1));
        var sent = telegram.awaitDelivered(2, Duration.ofSeconds(10));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).contains("recovered after 2m").contains("\n9 affected at the peak\n");
    }

    @Test
    void edits_keep_telegrams_pace_so_changes_in_between_wait_and_go_out_as_one_edit() throws Exception {
        var message = rootMessage();
        blocked(3, 6);
        clock.advance(Duration.ofSeconds(1));
        awaitBlocks(message, "blocks 6: auth_api, checkout, orders_api and 3 more");

        blocked(6, 8);
        anotherRootIsTold("cache", 2);
        blocked(8, 9);
        anotherRootIsTold("queue", 3);
        assertThat(telegram.editAttempts()).as("within 5 s of the last edit").hasSize(1);

        clock.advance(TelegramChannel.EDIT_PACE);
        awaitBlocks(message, "blocks 9: auth_api, checkout, orders_api and 6 more");
        assertThat(telegram.editAttempts()).hasSize(2);
    }

    @Test
    void an_edit_that_failed_is_tried_again() throws Exception {
        var message = rootMessage();
        editFailsWhenBlocking(1, 4);
        clock.advance(Duration.ofSeconds(1));

        awaitBlocks(message, "blocks 4: auth_api, checkout, orders_api and 1 more");
        assertThat(telegram.editAttempts()).extracting(FakeTelegram.Edit::answered).containsExactly(502, 200);
    }

    @Test
    void an_edit_owed_when_the_board_restarts_is_made_after_it_and_only_once() throws Exception {
        var message = rootMessage();
        editFailsWhenBlocking(1000, 5);

        alerts.restart();
        telegram.recover();
        clock.advance(Duration.ofSeconds(10));

        awaitBlocks(message, "blocks 5: auth_api, checkout, orders_api and 2 more");
        anotherRootIsTold("cache", 2);
        clock.advance(Duration.ofSeconds(10));
        anotherRootIsTold("queue", 3);
        assertThat(telegram.edited()).hasSize(1);
        assertThat(telegram.delivered()).as("the root's message was not sent again").hasSize(3);
    }

    @Test
    void a_message_whose_root_recovered_is_not_edited_any_more_not_even_when_it_goes_down_again() throws Exception {
        var message = rootMessage();
        var asSent = telegram.showing(message.messageId());
        editFailsWhenBlocking(1000, 9);

        alerts.up("db");
        clock.advance(Duration.ofSeconds(1));
        telegram.awaitDelivered(2, Duration.ofSeconds(10));
        awaitNoLongerKept(message);
        telegram.recover();
        clock.advance(Duration.ofMinutes(1));
        alerts.down("db", "connection refused");
        blocked(0, 2);
        clock.advance(Duration.ofSeconds(1));
        var sent = telegram.awaitDelivered(3, Duration.ofSeconds(10));
        assertThat(sent.get(2).text()).as("the new outage has a message of its own")
                .startsWith("🔴 <b>db</b> is DOWN since 2026-12-01 10:01:03 UTC").contains("blocks 2: auth_api, checkout");
        clock.advance(Duration.ofSeconds(10));
        anotherRootIsTold("cache", 4);

        assertThat(telegram.edited()).noneMatch(edit -> edit.messageId() == message.messageId());
        assertThat(telegram.showing(message.messageId())).isEqualTo(asSent);
    }

    /** Waits until the store no longer keeps the message for edits: the outage it tells of is over. */
    private void awaitNoLongerKept(FakeTelegram.Sent message) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (kept(message) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            alerts.store.flush();
        }
        assertThat(kept(message)).as("still kept for edits").isFalse();
    }

    private boolean kept(FakeTelegram.Sent message) {
        return alerts.store.editableMessages("telegram:42").stream().anyMatch(stored -> stored.messageId() == message.messageId());
    }
}
