package dev.topowatch.server;

import com.sun.net.httpserver.HttpServer;
import dev.topowatch.server.testing.FakeTelegram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole board with real checks alerting a fake Bot API: what the user of `serve` meets. */
@Tag("slow")
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
        assertThat(sent.getFirst().text()).startsWith("🔴 <b>db</b> is DOWN since").contains("connection refused\nblocks 1: api");
        var alerts = harness.json("/api/summary").get("alerts");
        assertThat(alerts.get("undelivered").asLong()).isZero();
    }

    @Test
    void a_root_alert_carries_the_picture_of_the_root_and_its_casualty_drawn_by_the_board() throws Exception {
        harness = BoardHarness.start(directory, topology("""
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                  api: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db]}
                  far: {type: command, command: ["true"]}
                """));

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(20)).stream()
                .filter(message -> message.text().contains("<b>db</b>")).findFirst().orElseThrow();

        assertThat(sent.photo()).as("sent with sendPhoto").isNotNull();
        assertThat(sent.text()).startsWith("🔴 <b>db</b> is DOWN since");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(sent.photo()));
        assertThat(image).as("a PNG").isNotNull();
        assertThat(image.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(image.getHeight()).isLessThanOrEqualTo(800);
        // The same picture as /diagram.png?focus=db: the root and what depends on it, not the rest.
        var focus = harness.get("/diagram.svg?focus=db").body();
        assertThat(focus).contains("data-entity=\"db\"").contains("data-entity=\"api\"").doesNotContain("data-entity=\"far\"");
    }

    @Test
    void a_recovery_storm_of_a_tcp_root_and_six_apis_is_one_root_message_and_one_recovery() throws Exception {
        var databaseDown = new AtomicBoolean();
        var apis = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        apis.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(databaseDown.get() ? 500 : 200, -1);
            }
        });
        apis.start();
        try (var database = new Listener()) {
            var entities = new StringBuilder("  db: {type: tcp, host: 127.0.0.1, port: %d}\n".formatted(database.port));
            for (int app = 1; app <= 6; app++) {
                entities.append("  app%d: {type: api, url: 'http://127.0.0.1:%d/app%d', depends_on: [db]}\n"
                        .formatted(app, apis.getAddress().getPort(), app));
            }
            harness = BoardHarness.start(directory, topology(entities.toString()).replace("group_window: 4s", "group_window: 2s"));
            for (int app = 1; app <= 6; app++) {
                harness.awaitStatus("app" + app, "up");
            }

            databaseDown.set(true);
            database.close();
            for (int app = 1; app <= 6; app++) {
                harness.awaitStatus("app" + app, "blocked");
            }
            telegram.awaitDelivered(1, Duration.ofSeconds(20));
            // Both come back together: the APIs answer 200 from the moment the database listens again.
            databaseDown.set(false);
            database.open();
            for (int app = 1; app <= 6; app++) {
                harness.awaitStatus("app" + app, "up");
            }
            telegram.awaitDelivered(2, Duration.ofSeconds(20));
            awaitNothingUndelivered();

            assertThat(telegram.delivered()).extracting(FakeTelegram.Sent::text).satisfiesExactly(
                    text -> assertThat(text).startsWith("🔴 <b>db</b> is DOWN since").contains("connection refused")
                            .contains("app1, app2, app3 and 3 more"),
                    text -> assertThat(text).startsWith("✅ <b>db</b> recovered after"));
        } finally {
            apis.stop(0);
        }
    }

    private void awaitNothingUndelivered() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (harness.json("/api/summary").get("alerts").get("undelivered").asLong() > 0) {
            assertThat(System.nanoTime()).as("alerts still undelivered").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A TCP port that listens, stops and listens again on the same port: a database going away and back. */
    private static final class Listener implements AutoCloseable {
        final int port;
        private ServerSocket socket;

        Listener() throws IOException {
            socket = bind(0);
            port = socket.getLocalPort();
        }

        private static ServerSocket bind(int port) throws IOException {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        socket.accept().close();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return socket;
        }

        void open() throws IOException {
            socket = bind(port);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
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
