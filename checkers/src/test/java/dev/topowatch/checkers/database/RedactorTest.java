package dev.topowatch.checkers.database;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a driver's error may echo back, and what the board shows of it. */
class RedactorTest {

    @Test
    void password_is_replaced_wherever_it_appears() {
        var redactor = Redactor.of(Secret.of("hunter2"));

        assertThat(redactor.redact("login as app/hunter2 failed")).isEqualTo("login as app/****** failed");
    }

    @Test
    void values_from_the_environment_are_shown_as_the_variable() {
        var url = ConfigText.of("jdbc:postgresql://${DB_HOST}:5432/${DB_NAME}",
                "jdbc:postgresql://db.internal.example:5432/billing");

        var redacted = Redactor.of(null, url).redact("could not reach db.internal.example for billing");

        assertThat(redacted).isEqualTo("could not reach ${DB_HOST} for ${DB_NAME}");
    }

    @Test
    void password_written_into_the_url_is_masked_and_the_whole_url_shown_as_displayed() {
        var value = "jdbc:postgresql://127.0.0.1/app?user=app&password=s3cret";
        var redactor = Redactor.of(null, ConfigText.literal(value));

        assertThat(redactor.redact("bad URL " + value))
                .isEqualTo("bad URL jdbc:postgresql://127.0.0.1/app?user=app&password=******");
        assertThat(redactor.redact("password s3cret rejected")).isEqualTo("password ****** rejected");
    }

    @Test
    void text_without_secrets_is_left_alone() {
        var redactor = Redactor.of(null, ConfigText.literal("jdbc:sqlite:/var/lib/app.db"), null);

        assertThat(redactor.redact("no such table: jobs")).isEqualTo("no such table: jobs");
    }
}
