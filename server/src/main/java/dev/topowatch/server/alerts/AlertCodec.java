package dev.topowatch.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An {@link Alert} as the outbox row's JSON body, and back. */
final class AlertCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertCodec() {
    }

    static String encode(Alert alert) {
        var node = JSON.createObjectNode();
        node.put("kind", alert.kind().wireName());
        node.put("entity", alert.entity());
        node.put("type", alert.type());
        node.put("status", alert.status());
        node.put("previous", alert.previous());
        node.put("at", alert.at().toEpochMilli());
        if (alert.since() != null) {
            node.put("since", alert.since().toEpochMilli());
        }
        node.put("error", alert.error());
        alert.casualties().forEach(node.withArray("casualties")::add);
        if (alert.outage() != null) {
            node.put("outage_ms", alert.outage().toMillis());
        }
        if (alert.peakCasualties() > 0) {
            node.put("peak_casualties", alert.peakCasualties());
        }
        alert.errors().forEach(node.withArray("errors")::add);
        return node.toString();
    }

    static Alert decode(String body) {
        try {
            var node = (ObjectNode) JSON.readTree(body);
            return new Alert(AlertKind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT)), text(node, "entity"),
                    text(node, "type"), text(node, "status"), text(node, "previous"), Instant.ofEpochMilli(node.path("at").asLong()),
                    node.has("since") ? Instant.ofEpochMilli(node.get("since").asLong()) : null, text(node, "error"),
                    strings(node.path("casualties")), node.has("outage_ms") ? Duration.ofMillis(node.get("outage_ms").asLong()) : null,
                    node.path("peak_casualties").asInt(0), strings(node.path("errors")));
        } catch (IOException corrupt) {
            throw new UncheckedIOException("unreadable alert in the outbox", corrupt);
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        var strings = new ArrayList<String>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
