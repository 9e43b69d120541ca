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

/** An {@link Alert} as the outbox row's JSON body, a {@link SentAlerts} as a sent message's, and back. */
final class AlertCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertCodec() {
    }

    static String encode(Alert alert) {
        return node(alert).toString();
    }

    static Alert decode(String body) {
        return alert(read(body, "alert"));
    }

    static String encode(SentAlerts message) {
        var node = JSON.createObjectNode();
        node.put("photo", message.photo());
        message.shown().forEach(alert -> node.withArray("alerts").add(node(alert)));
        return node.toString();
    }

    static SentAlerts decode(long messageId, String body) {
        var node = read(body, "sent message");
        return new SentAlerts(messageId, node.path("photo").asBoolean(), alerts(node.path("alerts")));
    }

    private static ObjectNode node(Alert alert) {
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
        alert.problems().forEach(problem -> node.withArray("problems").add(node(problem)));
        return node;
    }

    private static Alert alert(ObjectNode node) {
        return new Alert(AlertKind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT)), text(node, "entity"),
                text(node, "type"), text(node, "status"), text(node, "previous"), Instant.ofEpochMilli(node.path("at").asLong()),
                node.has("since") ? Instant.ofEpochMilli(node.get("since").asLong()) : null, text(node, "error"),
                strings(node.path("casualties")), node.has("outage_ms") ? Duration.ofMillis(node.get("outage_ms").asLong()) : null,
                node.path("peak_casualties").asInt(0), strings(node.path("errors")), alerts(node.path("problems")));
    }

    private static List<Alert> alerts(JsonNode array) {
        var alerts = new ArrayList<Alert>();
        array.forEach(item -> alerts.add(alert((ObjectNode) item)));
        return alerts;
    }

    private static ObjectNode read(String body, String what) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (IOException | ClassCastException corrupt) {
            throw new UncheckedIOException("unreadable " + what + " in the outbox",
                    corrupt instanceof IOException io ? io : new IOException(corrupt));
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
