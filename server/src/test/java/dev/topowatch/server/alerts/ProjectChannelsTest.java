package dev.topowatch.server.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.testing.RunningClock;
import dev.topowatch.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing holds for every kind of channel: a project's Slack (in its included file) hears of the
 * project's roots and of those its entities need, the board's own webhook of everything.
 */
@Tag("slow")
class ProjectChannelsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;
    WebhookReceiver board;
    WebhookReceiver shop;
    RunningClock clock = new RunningClock(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        board = new WebhookReceiver();
        shop = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        board.close();
        shop.close();
    }

    @Test
    void a_projects_slack_hears_of_the_roots_that_concern_it_and_the_boards_webhook_of_all() throws Exception {
        Files.writeString(directory.resolve("shop.yaml"), """
                project: shop
                alerts:
                  group_window: 200ms
                  slack:
                    webhook_url: %s
                entities:
                  shop_api: {type: tcp, host: 127.0.0.1, port: 8001, depends_on: [postgres]}
                """.formatted(shop.url()));
        Files.writeString(directory.resolve("blog.yaml"), """
                project: blog
                entities:
                  blog: {type: tcp, host: 127.0.0.1, port: 8002}
                """);
        var file = Files.writeString(directory.resolve("topology.yaml"), """
                include: [shop.yaml, blog.yaml]
                defaults:
                  failure_threshold: 1
                alerts:
                  group_window: 200ms
                  webhooks: [{url: "%s"}]
                entities:
                  postgres: {type: tcp, host: 127.0.0.1, port: 5432}
                """.formatted(board.url()));
        var topology = Channels.loader(Map.of()).load(file).orThrow();

        try (var alerts = AlertsHarness.of(directory.resolve("board.db"), clock, topology)) {
            alerts.down("blog", "connection refused");
            alerts.down("shop_api", "connection refused");
            alerts.awaitOutboxEmpty();
            clock.advance(Duration.ofMinutes(1));
            alerts.up("shop_api");
            alerts.awaitOutboxEmpty();
            alerts.down("postgres", "connection refused");
            alerts.down("shop_api", "connection refused");
            alerts.awaitOutboxEmpty();
            clock.advance(Duration.ofMinutes(2));
            alerts.up("postgres");
            alerts.up("shop_api");
            alerts.awaitOutboxEmpty();
        }

        assertThat(board.accepted()).extracting(call -> {
            var payload = JSON.readTree(call.body());
            return payload.path("event").asText() + " " + payload.path("entity").asText();
        }).containsExactly("down blog", "down shop_api", "recovered shop_api", "down postgres", "recovered postgres");
        assertThat(shop.accepted()).flatExtracting(call -> slackTitles(call.body()))
                .as("not the blog; postgres, in no project, since the shop's api needs it")
                .containsExactly("shop_api is DOWN", "shop_api recovered", "postgres is DOWN", "postgres recovered");
    }

    private static List<String> slackTitles(String body) throws Exception {
        var titles = new java.util.ArrayList<String>();
        for (var block : JSON.readTree(body).path("blocks")) {
            var text = block.path("text").path("text").asText();
            // How long the outage lasted depends on how busy the machine was: the running clock goes on.
            titles.add(text.substring(text.indexOf('*') + 1, text.lastIndexOf('*')).replaceAll(" after .*", ""));
        }
        return titles;
    }
}
