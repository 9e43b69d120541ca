package dev.topowatch.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.topology.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entity's state as one JSON text in the store: plain names and values, readable with the sqlite3 shell. */
final class StateCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    static String encode(EntityState state) {
        var json = new LinkedHashMap<String, Object>();
        json.put("status", state.status().wireName());
        json.put("since", millis(state.since()));
        json.put("last_check", millis(state.lastCheck()));
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
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static EntityState decode(String name, String text) {
        Map<String, Object> json;
        try {
            json = JSON.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("the stored state of '" + name + "' is not JSON: " + corrupt.getOriginalMessage(), corrupt);
        }
        return new EntityState(name, Status.valueOf(((String) json.get("status")).toUpperCase(java.util.Locale.ROOT)),
                instant(json.get("since")), instant(json.get("last_check")),
                number(json.get("success_count")), number(json.get("fail_count")), number(json.get("blocked_count")),
                (int) number(json.get("consecutive_failures")), (int) number(json.get("consecutive_successes")),
                json.get("latency_ms") == null ? null : Duration.ofMillis(number(json.get("latency_ms"))),
                (String) json.get("last_error"), Boolean.TRUE.equals(json.get("flapping")),
                (String) json.getOrDefault("recent_outcomes", ""),
                strings(json.get("root_cause")), strings(json.get("blocked_by")), map(json.get("extra")));
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.ofEpochMilli(number(value));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Object value) {
        return value == null ? Map.of() : (Map<String, String>) value;
    }
}
