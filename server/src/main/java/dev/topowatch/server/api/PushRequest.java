package dev.topowatch.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.topology.Status;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A heartbeat push as its job sends it, the way Uptime Kuma's push monitors take one: {@code status}
 * ({@code up} or {@code down}, default up), {@code msg} (shown as the error, or beside an up status)
 * and {@code ping} (a latency in milliseconds), in the query string or in a JSON body. A bad value is
 * refused with a 400 that names its field: a push that says something else than it meant must not
 * count as up.
 */
final class PushRequest {
    static final int LONGEST_MESSAGE = 1024;
    /** A day, in milliseconds: a latency beyond it is a mistake, not a measurement. */
    static final long LONGEST_PING = 86_400_000L;
    private static final List<String> FIELDS = List.of("status", "msg", "ping");
    private static final Pattern MILLISECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushRequest() {
    }

    /** The push that {@code context} carries, received {@code at}; an {@link ApiError} (400) naming the field when a value is bad. */
    static Push read(Context context, Instant at) {
        var fields = new LinkedHashMap<String, String>();
        for (var field : FIELDS) {
            var value = context.queryParam(field);
            if (value != null && !value.isEmpty()) {
                fields.put(field, value);
            }
        }
        fields.putAll(bodyFields(context.body(), fields));
        return new Push(at, status(fields.get("status")), message(fields.get("msg")), ping(fields.get("ping")));
    }

    /** The fields of a JSON body; none when it is empty. */
    private static Map<String, String> bodyFields(String body, Map<String, String> fromQuery) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object such as {\"status\": \"down\", \"msg\": \"disk full\", \"ping\": 12},"
                    + " or empty with the fields in the query string");
        }
        var fields = new LinkedHashMap<String, String>();
        for (var entry : json.properties()) {
            var field = entry.getKey();
            if (!FIELDS.contains(field)) {
                throw ApiError.badRequest("unknown field '" + shown(field) + "' in the body (known: status, msg, ping)");
            }
            if (fromQuery.containsKey(field)) {
                throw ApiError.badRequest("'" + field + "' is given twice: in the query string and in the body");
            }
            var value = entry.getValue();
            if (!value.isNull()) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw ApiError.badRequest("'" + field + "' must be a string" + ("ping".equals(field) ? " or a number" : "")
                            + ", not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                fields.put(field, value.asText());
            }
        }
        return fields;
    }

    private static Status status(String text) {
        if (text == null) {
            return Status.UP;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "up" -> Status.UP;
            case "down" -> Status.DOWN;
            default -> throw ApiError.badRequest("'status' must be up or down, got '" + shown(text) + "'");
        };
    }

    private static String message(String text) {
        if (text != null && text.length() > LONGEST_MESSAGE) {
            throw ApiError.badRequest("'msg' is " + text.length() + " characters long; at most " + LONGEST_MESSAGE + " are kept");
        }
        return text;
    }

    private static Duration ping(String text) {
        if (text == null) {
            return null;
        }
        var trimmed = text.strip();
        if (!MILLISECONDS.matcher(trimmed).matches() || new BigDecimal(trimmed).compareTo(BigDecimal.valueOf(LONGEST_PING)) > 0) {
            throw ApiError.badRequest("'ping' must be a latency in milliseconds from 0 to " + LONGEST_PING
                    + ", such as 12 or 12.5, got '" + shown(text) + "'");
        }
        return Duration.ofNanos(new BigDecimal(trimmed).movePointRight(6).longValue());
    }

    /** A value quoted back in an error: short, whatever was sent. */
    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
