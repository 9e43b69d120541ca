package dev.topowatch.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code alerts:} section: where messages about transitions go.
 *
 * @param groupWindow problems that start within this window of each other go out as one message
 * @param templates   message templates by kind ({@code down}, {@code recovered}, {@code degraded},
 *                    {@code flapping}), replacing the built-in ones; placeholders in braces
 */
public record Alerts(Telegram telegram, List<Webhook> webhooks, Duration groupWindow, Map<String, String> templates) {

    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofSeconds(10);
    public static final Alerts NONE = new Alerts(null, List.of(), DEFAULT_GROUP_WINDOW, Map.of());
    /** The kinds a template can be given for, and the placeholders it may use. */
    public static final Set<String> TEMPLATE_KINDS = Set.of("down", "recovered", "degraded", "flapping");
    public static final Set<String> TEMPLATE_PLACEHOLDERS =
            Set.of("entity", "status", "previous", "since", "error", "casualties", "duration", "link", "board");

    public Alerts {
        webhooks = List.copyOf(webhooks);
        templates = Map.copyOf(templates);
    }

    public boolean any() {
        return telegram != null || !webhooks.isEmpty();
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
