package dev.topowatch.server.alerts.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SlackMessageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    static Alert down(String entity, String error) {
        return Alert.problem(AlertKind.DOWN, entity, "api", "up", AT, error, List.of());
    }

    @Test
    void markup_in_an_error_is_shown_as_written_not_read_as_a_link_or_a_mention() throws Exception {
        var body = JSON.readTree(new SlackMessage(null).json(List.of(down("db", "<!channel> <https://evil.example|click> & co"))));

        var section = body.path("blocks").get(0).path("text").path("text").asText();
        assertThat(section).contains("&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; co").doesNotContain("<!channel>");
        assertThat(body.path("text").asText()).isEqualTo("db is DOWN");
    }

    @Test
    void a_storm_of_alerts_stays_within_slacks_limits_and_names_the_rest() throws Exception {
        var alerts = IntStream.range(0, 60).mapToObj(i -> down("db" + i, "x".repeat(5000))).toList();

        var blocks = JSON.readTree(new SlackMessage(null).json(alerts)).path("blocks");

        assertThat(blocks.size()).isLessThanOrEqualTo(50).isEqualTo(SlackMessage.SECTIONS + 1);
        blocks.forEach(block -> assertThat(block.toString().length()).isLessThan(3100));
        assertThat(blocks.get(SlackMessage.SECTIONS).path("elements").get(0).path("text").asText()).startsWith("… and 40 more: db20 is DOWN");
    }
}
