package dev.topowatch.topology;

import java.util.List;
import java.util.Set;

/** The {@code alerts:} section: where messages about transitions go. */
public record Alerts(Telegram telegram, List<Webhook> webhooks) {

    public static final Alerts NONE = new Alerts(null, List.of());

    public Alerts {
        webhooks = List.copyOf(webhooks);
    }

    /**
     * Telegram through the Bot API.
     *
     * @param apiUrl a self-hosted Bot API server or a local fake; null for Telegram's own
     * @param proxy  {@code socks5://...} or {@code http://...}; may be null
     */
    public record Telegram(Secret botToken, List<String> chatIds, ConfigText apiUrl, ConfigText proxy,
                           Set<AlertEvent> on) {
        public Telegram {
            chatIds = List.copyOf(chatIds);
            on = Set.copyOf(on);
        }
    }

    /** A generic webhook, its body signed with HMAC-SHA256 of {@code secret} (which may be null). */
    public record Webhook(ConfigText url, Secret secret, Set<AlertEvent> on) {
        public Webhook {
            on = Set.copyOf(on);
        }
    }
}
