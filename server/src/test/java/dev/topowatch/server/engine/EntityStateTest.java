package dev.topowatch.server.engine;

import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each named step sets what it names, in the order it names them, and keeps everything else: a swap would show here. */
class EntityStateTest {

    private static final Instant SINCE = Instant.parse("2026-03-03T05:00:00Z");
    private static final Instant CHECKED = Instant.parse("2026-03-03T06:00:00Z");

    private static EntityState full() {
        return EntityState.fresh("api")
                .withStatus(Status.BLOCKED, SINCE)
                .withLastCheck(CHECKED, Duration.ofMillis(42), "connection refused", Map.of("size", "1.2 GB"))
                .withCounts(11, 12, 13)
                .withStreaks(2, 3)
                .withFlapping(true, "UUF")
                .withCause(List.of("db"), List.of("cache"));
    }

    @Test
    void the_steps_set_every_field_where_its_name_says() {
        var state = full();
        assertThat(state.name()).isEqualTo("api");
        assertThat(state.status()).isEqualTo(Status.BLOCKED);
        assertThat(state.since()).isEqualTo(SINCE);
        assertThat(state.lastCheck()).isEqualTo(CHECKED);
        assertThat(state.latency()).isEqualTo(Duration.ofMillis(42));
        assertThat(state.lastError()).isEqualTo("connection refused");
        assertThat(state.extra()).containsExactly(Map.entry("size", "1.2 GB"));
        assertThat(new long[] {state.successCount(), state.failCount(), state.blockedCount()}).containsExactly(11, 12, 13);
        assertThat(state.consecutiveFailures()).isEqualTo(2);
        assertThat(state.consecutiveSuccesses()).isEqualTo(3);
        assertThat(state.flapping()).isTrue();
        assertThat(state.recentOutcomes()).isEqualTo("UUF");
        assertThat(state.rootCause()).containsExactly("db");
        assertThat(state.blockedBy()).containsExactly("cache");
    }

    @Test
    void each_step_keeps_what_it_does_not_name() {
        var state = full();
        var later = Instant.parse("2026-03-03T07:00:00Z");
        assertThat(state.withStatus(Status.UP, later)).usingRecursiveComparison().ignoringFields("status", "since").isEqualTo(state);
        assertThat(state.withSince(later)).usingRecursiveComparison().ignoringFields("since").isEqualTo(state);
        assertThat(state.withSince(later).status()).isEqualTo(Status.BLOCKED);
        assertThat(state.withLastCheck(later, null, null, Map.of())).usingRecursiveComparison()
                .ignoringFields("lastCheck", "latency", "lastError", "extra").isEqualTo(state);
        assertThat(state.withCounts(1, 2, 3)).usingRecursiveComparison()
                .ignoringFields("successCount", "failCount", "blockedCount").isEqualTo(state);
        assertThat(state.withStreaks(0, 0)).usingRecursiveComparison()
                .ignoringFields("consecutiveFailures", "consecutiveSuccesses").isEqualTo(state);
        assertThat(state.withFlapping(false, "U")).usingRecursiveComparison()
                .ignoringFields("flapping", "recentOutcomes").isEqualTo(state);
        assertThat(state.withCause(List.of(), List.of())).usingRecursiveComparison()
                .ignoringFields("rootCause", "blockedBy").isEqualTo(state);
    }
}
