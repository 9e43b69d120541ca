package dev.topowatch.server.alerts;

import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.RunningClock;
import dev.topowatch.server.testing.WebhookReceiver;
import dev.topowatch.topology.load.TopologyLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two teams' files on one board, the shop team with its own bot, chat and webhook: each team hears
 * of its own roots, and the board's own chat still hears everything.
 */
class ProjectAlertsTest {
    private static final String SHOP_TOKEN = "777000:shop-token";

    @TempDir
    Path directory;
    private final RunningClock clock = new RunningClock(Instant.parse("2026-12-01T10:00:00Z"));
    private FakeTelegram board;
    private FakeTelegram shopBot;
    private WebhookReceiver shopHook;
    private AlertsHarness alerts;

    @BeforeEach
    void start() throws Exception {
        board = new FakeTelegram(TelegramAlertsTest.TOKEN);
        shopBot = new FakeTelegram(SHOP_TOKEN);
        shopHook = new WebhookReceiver();
        var teams = Files.createDirectories(directory.resolve("teams"));
        Files.writeString(teams.resolve("shop.yaml"), """
                project: shop
                alerts:
                  group_window: 100ms
                  telegram: {bot_token: "%s", chat_id: 77, api_url: "%s"}
                  webhooks: [{url: "%s"}]
                entities:
                  shop_api: {type: tcp, host: 127.0.0.1, port: 8001, depends_on: [db]}
                """.formatted(SHOP_TOKEN, shopBot.url(), shopHook.url()));
        Files.writeString(teams.resolve("blog.yaml"), """
                project: blog
                entities:
                  blog: {type: tcp, host: 127.0.0.1, port: 8002}
                """);
        var main = Files.writeString(directory.resolve("topology.yaml"), """
                defaults: {failure_threshold: 1}
                include: teams/*.yaml
                alerts:
                  group_window: 100ms
                  telegram: {bot_token: "%s", chat_id: 42, api_url: "%s"}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 5432}
                """.formatted(TelegramAlertsTest.TOKEN, board.url()));
        var topology = new TopologyLoader(Map.of()).load(main).orThrow();
        alerts = AlertsHarness.of(directory.resolve("board.db"), clock, topology);
    }

    @AfterEach
    void stop() {
        alerts.close();
        board.close();
        shopBot.close();
        shopHook.close();
    }

    @Test
    void a_root_in_a_project_is_told_to_its_team_and_to_the_board_and_other_roots_to_the_board_only() throws Exception {
        alerts.down("blog", "connection refused");
        alerts.awaitOutboxEmpty();
        assertThat(board.awaitDelivered(1, Duration.ofSeconds(5))).singleElement().satisfies(message -> assertThat(message.text()).contains("blog"));
        assertThat(shopBot.delivered()).as("blog is not the shop team's").isEmpty();
        assertThat(shopHook.accepted()).isEmpty();

        alerts.down("shop_api", "connection refused");
        alerts.awaitOutboxEmpty();
        assertThat(board.awaitDelivered(2, Duration.ofSeconds(5)).getLast().text()).contains("shop_api");
        assertThat(shopBot.awaitDelivered(1, Duration.ofSeconds(5))).singleElement().satisfies(message -> {
            assertThat(message.chatId()).isEqualTo("77");
            assertThat(message.text()).contains("shop_api").contains("connection refused");
        });
        assertThat(shopHook.awaitAccepted(1, Duration.ofSeconds(5))).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"shop_api\""));

        alerts.up("shop_api");
        alerts.awaitOutboxEmpty();
        assertThat(shopBot.awaitDelivered(2, Duration.ofSeconds(5)).getLast().text()).as("the recovery goes where the problem went")
                .contains("shop_api");
        assertThat(shopHook.awaitAccepted(2, Duration.ofSeconds(5))).hasSize(2);

        alerts.down("db", "connection refused");
        alerts.awaitOutboxEmpty();
        assertThat(board.awaitDelivered(4, Duration.ofSeconds(5)).getLast().text()).contains("db");
        assertThat(shopBot.delivered()).as("db is in no project: the board's chat hears of it").hasSize(2);
        assertThat(shopHook.accepted()).hasSize(2);
    }

    @Test
    void status_with_a_project_counts_its_entities_only() throws Exception {
        alerts.down("blog", "connection refused");
        alerts.awaitOutboxEmpty();
        board.awaitDelivered(1, Duration.ofSeconds(5));

        board.userSays(42, "/status shop");
        assertThat(board.awaitDelivered(2, Duration.ofSeconds(5)).getLast().text()).contains("shop: 1 entities")
                .contains("No root causes");
        board.userSays(42, "/status blog");
        assertThat(board.awaitDelivered(3, Duration.ofSeconds(5)).getLast().text()).contains("blog: 1 entities")
                .contains("<b>blog</b>");
        board.userSays(42, "/status nope");
        assertThat(board.awaitDelivered(4, Duration.ofSeconds(5)).getLast().text()).isEqualTo("No project named <b>nope</b>. Known: blog, shop.");
    }
}
