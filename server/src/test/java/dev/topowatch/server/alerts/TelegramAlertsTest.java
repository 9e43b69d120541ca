package dev.topowatch.server.alerts;

import dev.topowatch.server.testing.FakeTelegram;
import dev.topowatch.server.testing.RunningClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram alerts end to end: the engine decides, the outbox keeps, the worker sends over real HTTP
 * to a fake Bot API on 127.0.0.1, and the test reads exactly what the chat got.
 */
@Tag("slow")
class TelegramAlertsTest {
    static final String TOKEN = "123456:test-token";
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;
    FakeTelegram telegram;
    RunningClock clock;
    AlertsHarness alerts;

    static String topology(String telegramUrl, String extra) {
        return topology(telegramUrl, extra, """
                  db: {type: tcp, host: 127.0.0.1, port: 5432}
                  cache: {type: tcp, host: 127.0.0.1, port: 6379}
                  api: {type: tcp, host: 127.0.0.1, port: 8001, depends_on: [db]}
                  web: {type: tcp, host: 127.0.0.1, port: 8002, depends_on: [api]}
                  worker: {type: tcp, host: 127.0.0.1, port: 8003, depends_on: [db]}
                  jobs: {type: tcp, host: 127.0.0.1, port: 8004, depends_on: [db]}
                  mailer: {type: tcp, host: 127.0.0.1, port: 8005, depends_on: [db]}
                  quiet: {type: tcp, host: 127.0.0.1, port: 8006, alerts: false}
                """);
    }

    /** @param extra more of {@code alerts:} (two spaces in); @param entities the {@code entities:} lines */
    static String topology(String telegramUrl, String extra, String entities) {
        return """
                board:
                  url: http://board.example:8080
                defaults:
                  failure_threshold: 1
                alerts:
                  group_window: 400ms
                  telegram:
                    bot_token: "%s"
                    chat_id: [42]
                    api_url: %s
                %s
                entities:
                %s""".formatted(TOKEN, telegramUrl, extra, entities);
    }

    /** A tcp root with six APIs on it, as in the issue: everything fails together and comes back together. */
    static String storm(String telegramUrl, String extra) {
        var entities = new StringBuilder("  db: {type: tcp, host: 127.0.0.1, port: 5432}\n");
        for (int app = 1; app <= 6; app++) {
            entities.append("  app%d: {type: api, url: http://127.0.0.1:900%d/health, depends_on: [db]}\n".formatted(app, app));
        }
        return topology(telegramUrl, extra, entities.toString());
    }

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram(TOKEN);
        clock = new RunningClock(START);
        alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology(telegram.url(), ""));
        // Opening the harness takes a moment (more on a loaded machine): the tests start at START sharp.
        clock.set(START);
    }

    @AfterEach
    void stop() {
        alerts.close();
        telegram.close();
    }

    @Test
    void a_root_and_its_casualties_make_one_message_naming_the_root_and_what_it_blocks() throws Exception {
        alerts.down("db", "connection refused");
        for (var casualty : new String[] {"api", "web", "worker", "jobs", "mailer"}) {
            alerts.down(casualty, "timeout after 5000 ms");
        }

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(5));
        Thread.sleep(1500);

        assertThat(telegram.delivered()).hasSize(1);
        assertThat(sent.getFirst().chatId()).isEqualTo("42");
        assertThat(sent.getFirst().parseMode()).isEqualTo("HTML");
        assertThat(sent.getFirst().text()).isEqualTo("""
                🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC
                connection refused
                blocks 5: api, jobs, mailer and 2 more
                <a href="http://board.example:8080/?focus=db">Open the board</a>""");
    }

    @Test
    void a_casualty_checked_before_its_root_is_not_alerted_as_a_root() throws Exception {
        alerts.down("api", "connection refused");
        alerts.down("db", "connection refused");

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(5));
        Thread.sleep(1500);

        assertThat(telegram.delivered()).hasSize(1);
        assertThat(sent.getFirst().text()).startsWith("🔴 <b>db</b> is DOWN").contains("blocks 1: api").doesNotContain("<b>api</b> is DOWN");

        alerts.up("api");
        alerts.up("db");
        var recovered = telegram.awaitDelivered(2, Duration.ofSeconds(5));
        Thread.sleep(1500);
        assertThat(telegram.delivered()).as("no recovery for the casualty that was never announced").hasSize(2);
        assertThat(recovered.get(1).text()).startsWith("✅ <b>db</b> recovered");
    }

    /** The storm's first half: the root and its six APIs fail together; the root's message goes out. */
    private void stormBreaksOut() throws Exception {
        alerts.close();
        alerts = new AlertsHarness(directory.resolve("storm.db"), clock, storm(telegram.url(), ""));
        clock.set(START);
        alerts.down("db", "connection refused");
        for (int app = 1; app <= 6; app++) {
            alerts.down("app" + app, "expected status 2xx, got 500");
        }
        telegram.awaitDelivered(1, Duration.ofSeconds(5));
    }

    @Test
    void a_recovery_storm_is_one_root_message_and_one_recovery_and_no_casualty_is_alerted() throws Exception {
        stormBreaksOut();
        var rechecked = new java.util.TreeSet<String>();
        alerts.engine.setFreshChecks(rechecked::addAll);

        clock.advance(Duration.ofMinutes(3));
        alerts.up("db");
        for (int app = 1; app <= 6; app++) {
            alerts.up("app" + app);
        }
        alerts.awaitOutboxEmpty();

        assertThat(rechecked).containsExactly("app1", "app2", "app3", "app4", "app5", "app6");
        assertThat(telegram.delivered()).extracting(FakeTelegram.Sent::text).containsExactly("""
                🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC
                connection refused
                blocks 6: app1, app2, app3 and 3 more
                <a href="http://board.example:8080/?focus=db">Open the board</a>""", """
                ✅ <b>db</b> recovered after 3m
                (was down since 2026-12-01 10:00:00 UTC)
                6 affected at the peak
                <a href="http://board.example:8080/?focus=db">Open the board</a>""");
    }

    @Test
    void a_recovery_storm_stays_quiet_when_the_casualties_own_checks_fail_until_the_root_is_back() throws Exception {
        stormBreaksOut();
        clock.advance(Duration.ofMinutes(3));
        var justBeforeTheRootIsBack = clock.instant();

        alerts.up("db");
        for (int app = 1; app <= 6; app++) {
            // Their probes started while db was still down and answer only now.
            alerts.downTakenAt(justBeforeTheRootIsBack, "app" + app, "expected status 2xx, got 500");
        }
        for (int app = 1; app <= 6; app++) {
            alerts.up("app" + app);
        }
        alerts.awaitOutboxEmpty();

        assertThat(telegram.delivered()).extracting(FakeTelegram.Sent::text).satisfiesExactly(
                text -> assertThat(text).startsWith("🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC"),
                text -> assertThat(text).startsWith("✅ <b>db</b> recovered after 3m"));
        assertThat(alerts.engine.snapshot().entities().values()).allSatisfy(entity ->
                assertThat(entity.status()).isEqualTo(dev.topowatch.topology.Status.UP));
    }

    @Test
    void roots_failing_within_the_window_go_out_as_one_message() throws Exception {
        alerts.down("db", "connection refused");
        alerts.down("cache", "connection reset");

        telegram.awaitDelivered(1, Duration.ofSeconds(5));
        Thread.sleep(1500);

        assertThat(telegram.delivered()).hasSize(1);
        assertThat(telegram.delivered().getFirst().text())
                .startsWith("2 alerts\n\n🔴 <b>db</b> is DOWN")
                .contains("🔴 <b>cache</b> is DOWN since 2026-12-01 10:00:00 UTC\nconnection reset");
    }

    @Test
    void a_recovery_says_how_long_the_outage_lasted_and_a_casualty_failing_a_fresh_check_gets_its_own_message() throws Exception {
        alerts.down("db", "connection refused");
        alerts.down("api", "timeout after 5000 ms");
        telegram.awaitDelivered(1, Duration.ofSeconds(5));

        clock.advance(Duration.ofMinutes(12).plusSeconds(5));
        alerts.up("db");
        alerts.down("api", "expected status 200, got 500");

        var sent = telegram.awaitDelivered(2, Duration.ofSeconds(5));
        Thread.sleep(1500);
        assertThat(telegram.delivered()).hasSize(2);
        assertThat(sent.get(0).text()).contains("blocks 1: api").doesNotContain("<b>api</b> is DOWN");
        assertThat(sent.get(1).text()).as("the error of its fresh check, not of one taken while blocked").isEqualTo("""
                2 alerts

                ✅ <b>db</b> recovered after 12m 5s
                (was down since 2026-12-01 10:00:00 UTC)
                1 affected at the peak
                <a href="http://board.example:8080/?focus=db">Open the board</a>

                🔴 <b>api</b> is DOWN since 2026-12-01 10:12:05 UTC
                expected status 200, got 500
                <a href="http://board.example:8080/?focus=api">Open the board</a>""");
    }

    @Test
    void a_recovery_says_how_many_were_affected_at_the_peak_also_after_a_restart_and_after_casualties_left() throws Exception {
        alerts.down("db", "connection refused");
        alerts.down("api", "timeout after 5000 ms");
        alerts.down("web", "timeout after 5000 ms");
        alerts.down("worker", "timeout after 5000 ms");
        telegram.awaitDelivered(1, Duration.ofSeconds(5));
        alerts.up("worker");

        alerts.restart();
        alerts.up("web");
        clock.advance(Duration.ofMinutes(4));
        alerts.up("db");

        var sent = telegram.awaitDelivered(2, Duration.ofSeconds(5));
        // The clock runs on in real time besides the four minutes: a busy machine adds seconds.
        assertThat(sent.get(1).text().replaceFirst("recovered after 4m( \\d+s)?\n", "recovered after 4m\n")).isEqualTo("""
                ✅ <b>db</b> recovered after 4m
                (was down since 2026-12-01 10:00:00 UTC)
                3 affected at the peak
                <a href="http://board.example:8080/?focus=db">Open the board</a>""");
    }

    @Test
    void a_429_is_honoured_with_its_retry_after_and_the_message_still_arrives_once() throws Exception {
        telegram.failNext(1, 429, 1);
        alerts.down("db", "connection refused");

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(10));
        Thread.sleep(1200);

        assertThat(telegram.delivered()).hasSize(1);
        var attempts = telegram.attempts();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).answered()).isEqualTo(429);
        assertThat(Duration.between(attempts.get(0).at(), sent.getFirst().at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(sent.getFirst().text()).isEqualTo(attempts.get(0).text());
    }

    @Test
    void server_errors_are_retried_with_backoff_until_accepted_and_nothing_is_left_undelivered() throws Exception {
        telegram.failNext(3, 500, 0);
        alerts.down("db", "connection refused");
        assertThat(alertsPending()).isTrue();

        telegram.awaitDelivered(1, Duration.ofSeconds(10));
        Thread.sleep(300);

        assertThat(telegram.attempts()).hasSize(4);
        assertThat(telegram.delivered()).hasSize(1);
        assertThat(alerts.alerter.undelivered()).isEmpty();
    }

    private boolean alertsPending() throws InterruptedException {
        alerts.store.flush();
        return alerts.alerter.undelivered().getOrDefault("telegram chat 42", 0L) == 1;
    }

    @Test
    void telegram_down_for_an_hour_then_back_gets_every_alert_once_and_in_order() throws Exception {
        telegram.failNext(100_000, 502, 0);
        alerts.down("db", "connection refused");
        clock.advance(Duration.ofMinutes(20));
        alerts.up("db");
        clock.advance(Duration.ofMinutes(20));
        alerts.down("cache", "connection reset");
        clock.advance(Duration.ofMinutes(20));
        alerts.up("cache");
        Thread.sleep(1500);
        assertThat(telegram.delivered()).isEmpty();
        assertThat(telegram.attempts()).isNotEmpty();

        telegram.recover();
        var sent = telegram.awaitDelivered(4, Duration.ofSeconds(15));
        Thread.sleep(1500);

        assertThat(telegram.delivered()).hasSize(4);
        assertThat(sent).extracting(FakeTelegram.Sent::text).satisfiesExactly(
                text -> assertThat(text).startsWith("🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC"),
                text -> assertThat(text).startsWith("✅ <b>db</b> recovered after 20m"),
                text -> assertThat(text).startsWith("🔴 <b>cache</b> is DOWN since 2026-12-01 10:40:00 UTC"),
                text -> assertThat(text).startsWith("✅ <b>cache</b> recovered after 20m"));
    }

    @Test
    void a_degraded_entity_is_told_once_and_its_recovery_says_it_was_degraded() throws Exception {
        alerts.degraded("api", "latency 2500 ms over 1000 ms");
        alerts.degraded("api", "latency 2600 ms over 1000 ms");
        telegram.awaitDelivered(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(5));
        alerts.up("api");

        var sent = telegram.awaitDelivered(2, Duration.ofSeconds(5));
        Thread.sleep(1200);
        assertThat(telegram.delivered()).hasSize(2);
        assertThat(sent.get(0).text()).isEqualTo("""
                🟠 <b>api</b> is DEGRADED since 2026-12-01 10:00:00 UTC
                latency 2500 ms over 1000 ms
                <a href="http://board.example:8080/?focus=api">Open the board</a>""");
        assertThat(sent.get(1).text()).startsWith("✅ <b>api</b> recovered after 5m").contains("(was degraded since 2026-12-01 10:00:00 UTC)");
    }

    @Test
    void a_chat_that_asked_only_for_down_hears_nothing_of_degraded_entities_or_their_recovery() throws Exception {
        alerts.close();
        alerts = new AlertsHarness(directory.resolve("down-only.db"), clock,
                topology(telegram.url(), "").replace("    api_url: " + telegram.url(), "    api_url: " + telegram.url() + "\n    on: [down, recovered]"));

        alerts.degraded("api", "latency 2500 ms over 1000 ms");
        clock.advance(Duration.ofMinutes(5));
        alerts.up("api");
        alerts.down("db", "connection refused");

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(5));
        Thread.sleep(1500);
        assertThat(telegram.delivered()).hasSize(1);
        assertThat(sent.getFirst().text()).startsWith("🔴 <b>db</b> is DOWN");
    }

    @Test
    void alerts_false_maintenance_and_a_mute_keep_an_entity_quiet() throws Exception {
        alerts.down("quiet", "connection refused");
        alerts.engine.startMaintenance("cache", Instant.MAX);
        alerts.down("cache", "connection refused");
        alerts.alerter.mute("worker", clock.instant().plus(Duration.ofHours(1)));
        alerts.down("worker", "connection refused");
        alerts.down("db", "connection refused");

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(5));
        Thread.sleep(1500);

        assertThat(telegram.delivered()).hasSize(1);
        assertThat(sent.getFirst().text()).startsWith("🔴 <b>db</b> is DOWN").doesNotContain("quiet").doesNotContain("cache");
    }

    @Test
    void a_restart_neither_repeats_a_down_message_nor_forgets_the_recovery_it_owes() throws Exception {
        alerts.down("db", "connection refused");
        telegram.awaitDelivered(1, Duration.ofSeconds(5));

        alerts.restart();
        alerts.down("db", "connection refused");
        Thread.sleep(1500);
        assertThat(telegram.delivered()).hasSize(1);

        clock.advance(Duration.ofMinutes(3));
        alerts.up("db");
        var sent = telegram.awaitDelivered(2, Duration.ofSeconds(5));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).startsWith("✅ <b>db</b> recovered after 3m");
    }

    @Test
    void a_flapping_entity_gets_one_flapping_message_then_silence_until_it_settles() throws Exception {
        for (int i = 0; i < 15; i++) {
            alerts.down("cache", "connection refused");
            alerts.up("cache");
        }
        telegram.awaitDelivered(1, Duration.ofSeconds(5));
        Thread.sleep(1500);

        var texts = telegram.delivered().stream().map(FakeTelegram.Sent::text).toList();
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("<b>cache</b> is flapping"));
        var joined = String.join("\n", texts);
        int flappingAt = joined.indexOf("is flapping");
        assertThat(joined.substring(flappingAt)).doesNotContain("is DOWN").doesNotContain("recovered after");
    }

    @Test
    void messages_go_through_the_configured_proxy() throws Exception {
        alerts.close();
        // An address that resolves nowhere: only the proxy (the fake, which answers proxied requests) can reach it.
        var yaml = topology("http://api.telegram.invalid", "").replace("    api_url: http://api.telegram.invalid",
                "    api_url: http://api.telegram.invalid\n    proxy: " + telegram.url());
        alerts = new AlertsHarness(directory.resolve("proxied.db"), clock, yaml);

        alerts.down("db", "connection refused");

        assertThat(telegram.awaitDelivered(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void hostile_names_and_errors_are_escaped_for_telegram_html() throws Exception {
        alerts.down("db", "<script>alert(1)</script> & \"quotes\"\nsecond line");

        var sent = telegram.awaitDelivered(1, Duration.ofSeconds(5));

        assertThat(sent.getFirst().text()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; second line")
                .doesNotContain("<script>");
    }
}
