package dev.topowatch.server.alerts;

import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A root-cause alert carries the picture of its root and casualties (sendPhoto, a multipart upload
 * to the fake Bot API) with the message as its caption, and falls back to a text message when there
 * is no picture, the text is too long for a caption, or Telegram refuses the picture.
 */
class TelegramPicturesTest {
    private static final String ROOT_MESSAGE = """
            🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC
            connection refused
            blocks 2: api, worker
            <a href="http://board.example:8080/?focus=db">Open the board</a>""";

    @TempDir
    Path directory;
    FakeTelegram telegram;
    final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    final List<String> pictured = new CopyOnWriteArrayList<>();
    AlertsHarness alerts;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram(TelegramAlertsTest.TOKEN);
    }

    @AfterEach
    void stop() {
        if (alerts != null) {
            alerts.close();
        }
        telegram.close();
    }

    /** A real PNG of the given size, made the way a renderer would. */
    static byte[] png(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private void open(AlertPictures pictures, String extra) throws Exception {
        alerts = AlertsHarness.withPictures(directory.resolve("board.db"), clock, TelegramAlertsTest.topology(telegram.url(), extra),
                root -> {
                    pictured.add(root);
                    return pictures.focusOn(root);
                });
    }

    private FakeTelegram.Sent dbGoesDown() throws InterruptedException {
        alerts.down("db", "connection refused");
        alerts.down("api", "timeout after 5000 ms");
        alerts.down("worker", "timeout after 5000 ms");
        clock.advance(Duration.ofSeconds(1));
        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(10));
        assertThat(sent).hasSize(1);
        return sent.getFirst();
    }

    @Test
    void a_root_alert_is_the_picture_of_its_root_with_the_message_as_its_caption() throws Exception {
        var picture = png(320, 200);
        open(root -> Optional.of(picture), "");

        var sent = dbGoesDown();

        assertThat(pictured).containsExactly("db");
        assertThat(sent.photo()).isEqualTo(picture);
        assertThat(sent.filename()).isEqualTo("db.png");
        var received = ImageIO.read(new ByteArrayInputStream(sent.photo()));
        assertThat(received.getWidth()).isEqualTo(320);
        assertThat(received.getHeight()).isEqualTo(200);
        assertThat(sent.text()).isEqualTo(ROOT_MESSAGE);
        assertThat(sent.parseMode()).isEqualTo("HTML");
        assertThat(sent.chatId()).isEqualTo("42");
    }

    @Test
    void the_caption_of_a_root_picture_is_edited_as_its_casualties_change() throws Exception {
        var picture = png(64, 32);
        open(root -> Optional.of(picture), "");
        var sent = dbGoesDown();

        alerts.down("jobs", "timeout after 5000 ms");
        clock.advance(Duration.ofSeconds(5));

        var edits = telegram.awaitEdited(1, Duration.ofSeconds(15));
        assertThat(edits).singleElement().satisfies(edit -> {
            assertThat(edit.method()).isEqualTo("editmessagecaption");
            assertThat(edit.messageId()).isEqualTo(sent.messageId());
            assertThat(edit.text()).isEqualTo(ROOT_MESSAGE.replace("blocks 2: api, worker", "blocks 3: api, jobs, worker"));
        });
    }

    @Test
    void without_a_picture_the_alert_is_a_text_message() throws Exception {
        open(root -> Optional.empty(), "");

        var sent = dbGoesDown();

        assertThat(pictured).containsExactly("db");
        assertThat(sent.photo()).isNull();
        assertThat(sent.text()).isEqualTo(ROOT_MESSAGE);
    }

    @Test
    void a_text_too_long_for_a_caption_goes_as_a_text_message_without_the_picture() throws Exception {
        var longTemplate = "    templates:\n      down: \"🔴 <b>{entity}</b> is DOWN. " + "Call the on-call person. ".repeat(45) + "\"";
        var picture = png(64, 32);
        open(root -> Optional.of(picture), longTemplate);

        var sent = dbGoesDown();

        assertThat(sent.text().length()).isGreaterThan(1024);
        assertThat(sent.photo()).isNull();
    }

    @Test
    void a_picture_telegram_refuses_is_followed_by_the_text_alone() throws Exception {
        var picture = png(64, 32);
        open(root -> Optional.of(picture), "");
        telegram.failNext(1, 400, 0);

        var sent = dbGoesDown();

        assertThat(telegram.attempts()).extracting(FakeTelegram.Sent::answered).containsExactly(400, 200);
        assertThat(telegram.attempts().getFirst().photo()).isNotNull();
        assertThat(sent.photo()).isNull();
        assertThat(sent.text()).isEqualTo(ROOT_MESSAGE);
    }

    @Test
    void roots_going_down_together_share_a_text_message_since_one_picture_cannot_show_both() throws Exception {
        var picture = png(64, 32);
        open(root -> Optional.of(picture), "");
        alerts.down("db", "connection refused");
        alerts.down("cache", "connection reset");
        clock.advance(Duration.ofSeconds(1));

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(10)).getFirst();

        assertThat(sent.text()).startsWith("2 alerts");
        assertThat(sent.photo()).isNull();
        assertThat(pictured).isEmpty();
    }
}
