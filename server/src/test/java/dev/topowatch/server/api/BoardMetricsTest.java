package dev.topowatch.server.api;

import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoardMetricsTest {

    @Test
    void the_help_of_the_status_code_names_every_status_with_the_code_it_is_exported_as() {
        for (var status : Status.values()) {
            assertThat(BoardMetrics.STATUS_CODE_HELP).contains(BoardMetrics.code(status) + " " + status.wireName());
        }
    }
}
