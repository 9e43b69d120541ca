package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.Wording;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramTextTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Alert down(String entity, String error, List<String> casualties) {
        return Alert.problem(AlertKind.DOWN, entity, "tcp", "up", AT, error, casualties);
    }

    @Test
    void a_template_from_the_topology_replaces_the_built_in_one_with_every_value_escaped() {
        var text = new TelegramText(Map.of("down", "🔥 {entity} ({previous} → {status}): {error}\nblocks: {casualties}\n{link}"), null);

        assertThat(text.render(down("db<1>", "refused & gone", List.of())))
                .isEqualTo("🔥 db&lt;1&gt; (up → down): refused &amp; gone");
    }

    @Test
    void casualties_beyond_three_are_counted_not_listed() {
        assertThat(Wording.casualties(List.of("a", "b", "c", "d", "e"))).isEqualTo("a, b, c and 2 more");
        assertThat(Wording.casualties(List.of("a", "b"))).isEqualTo("a, b");
    }

    @Test
    void a_recovery_names_the_outage_length_in_the_two_largest_units() {
        var recovered = new Alert(AlertKind.RECOVERED, "db", "tcp", "up", "down", AT.plusSeconds(7500), AT, null, List.of(),
                Duration.ofSeconds(7500), 0, List.of(), List.of());

        assertThat(new TelegramText(Map.of(), null).render(recovered))
                .isEqualTo("✅ <b>db</b> recovered after 2h 5m\n(was down since 2026-12-01 10:00:00 UTC)");
    }

    @Test
    void a_root_message_gives_the_whole_count_of_what_it_blocks_and_names_the_first_three() {
        var casualties = List.of("auth_api", "checkout", "orders_api", "d", "e", "f", "g", "h", "i");

        assertThat(new TelegramText(Map.of(), null).render(down("db", "connection refused", casualties))).isEqualTo("""
                🔴 <b>db</b> is DOWN since 2026-12-01 10:00:00 UTC
                connection refused
                blocks 9: auth_api, checkout, orders_api and 6 more""");
    }

    @Test
    void a_recovery_of_a_root_says_how_many_it_affected_at_the_peak_and_one_of_nothing_says_nothing_of_it() {
        var recovered = new Alert(AlertKind.RECOVERED, "db", "tcp", "up", "down", AT.plusSeconds(60), AT, null, List.of(),
                Duration.ofSeconds(60), 9, List.of(), List.of());
        var alone = new Alert(AlertKind.RECOVERED, "db", "tcp", "up", "down", AT.plusSeconds(60), AT, null, List.of(),
                Duration.ofSeconds(60), 0, List.of(), List.of());

        assertThat(new TelegramText(Map.of(), null).render(recovered)).endsWith("(was down since 2026-12-01 10:00:00 UTC)\n9 affected at the peak");
        assertThat(new TelegramText(Map.of(), null).render(alone)).endsWith("(was down since 2026-12-01 10:00:00 UTC)");
    }

    @Test
    void many_alerts_at_once_are_split_into_messages_telegram_accepts_without_cutting_one_in_half() {
        var alerts = new ArrayList<Alert>();
        for (int i = 0; i < 60; i++) {
            alerts.add(down("service-" + i, "x".repeat(290), List.of("a", "b", "c", "d")));
        }

        var text = new TelegramText(Map.of(), "https://status.example.com");
        var messages = text.messages(alerts).stream().map(text::render).toList();

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(message -> assertThat(message.length()).isLessThanOrEqualTo(TelegramText.MAX_LENGTH));
        var joined = String.join("\n\n", messages);
        for (int i = 0; i < 60; i++) {
            assertThat(joined).contains("<b>service-" + i + "</b> is DOWN");
        }
    }

    @Test
    void a_10_kB_error_is_cut_to_a_readable_length() {
        var text = new TelegramText(Map.of(), null).render(down("db", "e".repeat(10_000), List.of()));

        assertThat(text.length()).isLessThan(500);
        assertThat(text).contains("…");
    }
}
