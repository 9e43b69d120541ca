package dev.topowatch.server.alerts.email;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EmailMessageTest {
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    static Alert down(String entity, String error, List<String> casualties) {
        return Alert.problem(AlertKind.DOWN, entity, "api", "up", AT, error, casualties);
    }

    @Test
    void the_subject_names_the_root_and_a_group_names_its_first_alerts() {
        var format = new EmailMessage(null);

        assertThat(format.subject(List.of(down("db", "refused", List.of("api"))))).isEqualTo("[topowatch] db is DOWN");
        var storm = IntStream.range(0, 5).mapToObj(i -> down("db" + i, "refused", List.of())).toList();
        assertThat(format.subject(storm)).isEqualTo("[topowatch] 5 alerts: db0 is DOWN, db1 is DOWN, db2 is DOWN and 2 more");
    }

    @Test
    void the_html_part_escapes_every_value_and_the_text_part_keeps_it_as_written() {
        var alert = down("db", "\"><img src=x onerror=alert(1)>", List.of("api", "web"));
        var format = new EmailMessage("https://board.example");

        assertThat(format.html(List.of(alert))).doesNotContain("<img").contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("blocks 2: api, web").contains("<a href=\"https://board.example/?focus=db\">");
        assertThat(format.text(List.of(alert))).contains("\"><img src=x onerror=alert(1)>").contains("https://board.example/?focus=db");
    }
}
