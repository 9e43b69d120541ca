package dev.topowatch.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.engine.EntityState;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateCodecTest {

    /** The text the codec wrote when it built a map of every field and let Jackson write that. */
    private static String asMap(EntityState state) throws Exception {
        var json = new LinkedHashMap<String, Object>();
        json.put("status", state.status().wireName());
        json.put("since", state.since() == null ? null : state.since().toEpochMilli());
        json.put("last_check", state.lastCheck() == null ? null : state.lastCheck().toEpochMilli());
        json.put("success_count", state.successCount());
        json.put("fail_count", state.failCount());
        json.put("blocked_count", state.blockedCount());
        json.put("consecutive_failures", state.consecutiveFailures());
        json.put("consecutive_successes", state.consecutiveSuccesses());
        json.put("latency_ms", state.latency() == null ? null : state.latency().toMillis());
        json.put("last_error", state.lastError());
        json.put("flapping", state.flapping());
        json.put("recent_outcomes", state.recentOutcomes());
        json.put("root_cause", state.rootCause());
        json.put("blocked_by", state.blockedBy());
        json.put("extra", state.extra());
        return new ObjectMapper().writeValueAsString(json);
    }

    @Test
    void the_streamed_text_is_the_text_of_the_map_and_reads_back() throws Exception {
        var full = EntityState.fresh("api")
                .withStatus(Status.BLOCKED, Instant.parse("2026-03-03T05:00:00Z"))
                .withLastCheck(Instant.parse("2026-03-03T06:00:00Z"), Duration.ofMillis(42), "connection \"refused\"\n\u00e9",
                        Map.of("size", "1.2 GB"))
                .withCounts(1467, 1973, 3)
                .withStreaks(2, 0)
                .withFlapping(true, "UUF")
                .withCause(List.of("db", "cache"), List.of("db"));
        for (var state : List.of(full, EntityState.fresh("web"))) {
            assertThat(StateCodec.encode(state)).isEqualTo(asMap(state));
            assertThat(StateCodec.decode(state.name(), StateCodec.encode(state))).isEqualTo(state);
        }
    }
}
