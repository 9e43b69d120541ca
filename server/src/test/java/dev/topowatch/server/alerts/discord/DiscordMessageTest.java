package dev.topowatch.server.alerts.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordMessageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    static Alert problem(AlertKind kind, String entity, String error) {
        return Alert.problem(kind, entity, "api", "up", AT, error, List.of());
    }

    @Test
    void an_error_with_markdown_and_a_mention_pings_nobody_and_shows_as_written() throws Exception {
        var body = JSON.readTree(new DiscordMessage("https://board.example").json(List.of(problem(AlertKind.DOWN, "db", "@everyone **bold** [x](https://evil.example)"))));

        assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(body.path("allowed_mentions").path("parse").isEmpty()).isTrue();
        var embed = body.path("embeds").get(0);
        assertThat(embed.path("description").asText()).contains("@everyone \\*\\*bold\\*\\* \\[x\\](https://evil.example)");
        assertThat(embed.path("url").asText()).isEqualTo("https://board.example/?focus=db");
    }

    @Test
    void each_alert_is_coloured_by_what_it_says() throws Exception {
        var body = JSON.readTree(new DiscordMessage(null).json(List.of(problem(AlertKind.DOWN, "db", "refused"),
                problem(AlertKind.DEGRADED, "api", "slow"))));

        assertThat(body.path("embeds")).extracting(embed -> embed.path("color").asInt())
                .containsExactly(DiscordMessage.RED, DiscordMessage.AMBER);
    }

    @Test
    void a_storm_stays_within_ten_embeds_and_six_thousand_characters_and_names_the_rest() throws Exception {
        var alerts = IntStream.range(0, 30).mapToObj(i -> problem(AlertKind.DOWN, "db" + i, "e".repeat(5000))).toList();

        var body = JSON.readTree(new DiscordMessage(null).json(alerts));

        assertThat(body.path("embeds").size()).isEqualTo(DiscordMessage.EMBEDS);
        int characters = 0;
        for (var embed : body.path("embeds")) {
            characters += embed.path("title").asText().length() + embed.path("description").asText().length();
        }
        assertThat(characters + body.path("content").asText().length()).isLessThanOrEqualTo(6000);
        assertThat(body.path("content").asText()).startsWith("… and 21 more: db9 is DOWN");
    }
}
