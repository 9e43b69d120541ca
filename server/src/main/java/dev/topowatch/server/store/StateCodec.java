package dev.topowatch.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.engine.EntityState;
import dev.topowatch.topology.Status;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An entity's state as one JSON text in the store: plain names and values, readable with the sqlite3 shell. */
final class StateCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    /**
     * Streams the fields straight out (no map of boxed values per check): the same text, field for
     * field and in the same order, as writing them as a map would give.
     */
    static String encode(EntityState state) {
        var text = new StringWriter(384);
        try (var json = JSON.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("status", state.status().wireName());
            writeMillis(json, "since", state.since());
            writeMillis(json, "last_check", state.lastCheck());
            json.writeNumberField("success_count", state.successCount());
            json.writeNumberField("fail_count", state.failCount());
            json.writeNumberField("blocked_count", state.blockedCount());
            json.writeNumberField("consecutive_failures", state.consecutiveFailures());
            json.writeNumberField("consecutive_successes", state.consecutiveSuccesses());
            if (state.latency() == null) {
                json.writeNullField("latency_ms");
            } else {
                json.writeNumberField("latency_ms", state.latency().toMillis());
            }
            json.writeStringField("last_error", state.lastError());
            json.writeBooleanField("flapping", state.flapping());
            json.writeStringField("recent_outcomes", state.recentOutcomes());
            writeStrings(json, "root_cause", state.rootCause());
            writeStrings(json, "blocked_by", state.blockedBy());
            if (state.extra() == null) {
                json.writeNullField("extra");
            } else {
                json.writeObjectFieldStart("extra");
                for (var entry : state.extra().entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return text.toString();
    }

    private static void writeMillis(JsonGenerator json, String field, Instant instant) throws IOException {
        if (instant == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, instant.toEpochMilli());
        }
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        if (values == null) {
            json.writeNullField(field);
            return;
        }
        json.writeArrayFieldStart(field);
        for (var value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static EntityState decode(String name, String text) {
        Map<String, Object> json;
        try {
            json = JSON.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("the stored state of '" + name + "' is not JSON: " + corrupt.getOriginalMessage(), corrupt);
        }
        var latency = json.get("latency_ms") == null ? null : Duration.ofMillis(number(json.get("latency_ms")));
        return EntityState.fresh(name)
                .withStatus(Status.valueOf(((String) json.get("status")).toUpperCase(java.util.Locale.ROOT)), instant(json.get("since")))
                .withLastCheck(instant(json.get("last_check")), latency, (String) json.get("last_error"), map(json.get("extra")))
                .withCounts(number(json.get("success_count")), number(json.get("fail_count")), number(json.get("blocked_count")))
                .withStreaks((int) number(json.get("consecutive_failures")), (int) number(json.get("consecutive_successes")))
                .withFlapping(Boolean.TRUE.equals(json.get("flapping")), (String) json.getOrDefault("recent_outcomes", ""))
                .withCause(strings(json.get("root_cause")), strings(json.get("blocked_by")));
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
