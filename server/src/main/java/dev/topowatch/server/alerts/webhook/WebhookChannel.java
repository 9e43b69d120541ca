package dev.topowatch.server.alerts.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.ChannelBase;
import dev.topowatch.server.alerts.ChannelKey;
import dev.topowatch.server.alerts.Delivery;
import dev.topowatch.server.alerts.JsonPost;
import okhttp3.OkHttpClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A generic webhook: one JSON POST per alert, signed with HMAC-SHA256 of the body when a secret is
 * set. The body holds {@code sent_at} (also in {@code X-Topowatch-Timestamp}), so a receiver can
 * refuse replays; {@code X-Topowatch-Delivery} is the same on every attempt at one alert, so a
 * receiver can drop the one duplicate a crash between sending and marking may cause.
 */
public final class WebhookChannel extends ChannelBase {
    public static final String DELIVERY_HEADER = "X-Topowatch-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Topowatch-Timestamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final WebhookSpec.Hook config;
    private final String boardUrl;
    private final Clock clock;
    private final String key;

    WebhookChannel(OkHttpClient http, WebhookSpec.Hook config, Set<AlertKind> wants, String boardUrl, Clock clock) {
        super(wants, false, Duration.ZERO);
        this.http = http;
        this.config = config;
        this.boardUrl = boardUrl;
        this.clock = clock;
        // The URL may hold a secret from the environment: the key only holds a digest of it.
        this.key = ChannelKey.of("webhook", config.url().value());
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return "webhook " + config.url();
    }

    @Override
    public Delivery deliver(List<Alert> alerts, List<Long> ids) {
        var sentAt = clock.instant().getEpochSecond();
        var body = payload(alerts.getFirst(), ids.getFirst(), sentAt);
        var headers = new LinkedHashMap<String, String>();
        headers.put(DELIVERY_HEADER, Long.toString(ids.getFirst()));
        headers.put(TIMESTAMP_HEADER, Long.toString(sentAt));
        if (config.secret() != null) {
            headers.put(Signature.HEADER, Signature.of(config.secret().reveal(), body));
        }
        return JsonPost.send(http, config.url().value(), body, headers, "webhook");
    }

    private byte[] payload(Alert alert, long id, long sentAt) {
        var node = JSON.createObjectNode();
        node.put("id", id);
        node.put("event", alert.kind().wireName());
        node.put("entity", alert.entity());
        node.put("type", alert.type());
        node.put("status", alert.status());
        node.put("previous", alert.previous());
        node.put("root_cause", alert.entity());
        alert.casualties().forEach(node.withArray("casualties")::add);
        node.put("at", alert.at().toString());
        node.put("since", alert.since() == null ? null : alert.since().toString());
        if (alert.outage() != null) {
            node.put("duration_seconds", alert.outage().toSeconds());
        }
        if (alert.kind() == AlertKind.RECOVERED && alert.peakCasualties() > 0) {
            node.put("peak_casualties", alert.peakCasualties());
        }
        node.put("error", alert.error());
        if (alert.kind() == AlertKind.TOPOLOGY_INVALID) {
            alert.errors().forEach(node.withArray("errors")::add);
        }
        for (var problem : alert.problems()) {
            var item = node.withArray("problems").addObject();
            item.put("entity", problem.entity());
            item.put("type", problem.type());
            item.put("status", problem.status());
            item.put("since", problem.since().toString());
            item.put("error", problem.error());
            problem.casualties().forEach(item.withArray("casualties")::add);
        }
        node.put("board_url", boardUrl);
        node.put("sent_at", sentAt);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
