package dev.topowatch.server.alerts;

import dev.topowatch.topology.Secret;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A chat's incoming webhook (Slack, Discord): the alerts of one group window as one JSON message in
 * the chat's own format, at most one a second (within both services' limits for a webhook); a 429
 * waits as long as its Retry-After says. The URL holds the token that lets one post, so it is a
 * {@link Secret}: people see a digest of it.
 */
public final class ChatWebhookChannel extends ChannelBase {
    private static final Duration PACE = Duration.ofSeconds(1);

    private final String kind;
    private final OkHttpClient http;
    private final Secret url;
    private final Function<List<Alert>, byte[]> format;
    private final String key;

    /**
     * @param kind   the chat's name in keys, names and errors: {@code slack}
     * @param format the alerts as the body to post
     */
    public ChatWebhookChannel(String kind, OkHttpClient http, Secret url, Set<AlertKind> wants, Function<List<Alert>, byte[]> format) {
        super(wants, true, PACE);
        this.kind = kind;
        this.http = http;
        this.url = url;
        this.format = format;
        this.key = ChannelKey.of(kind, url.reveal());
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return kind + " webhook " + key.substring(key.indexOf(':') + 1);
    }

    @Override
    public Delivery deliver(List<Alert> alerts, List<Long> ids) {
        return JsonPost.send(http, url.reveal(), format.apply(alerts), Map.of(), kind);
    }
}
