package dev.topowatch.server.alerts.telegram;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.ChannelSpec;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code alerts.telegram}: the Bot API, one bot, one or more chats.
 *
 * @param chatIds   chat ids, {@code CHAT/TOPIC} for a forum topic
 * @param apiUrl    a self-hosted Bot API server or a local fake; null for Telegram's own
 * @param proxy     {@code socks5://...} or {@code http://...}; may be null
 * @param templates Telegram HTML replacing a built-in message, by kind's wire name
 */
public record TelegramSpec(Secret botToken, List<String> chatIds, ConfigText apiUrl, ConfigText proxy, Set<AlertEvent> on,
                           Map<String, String> templates) implements ChannelSpec {
    public TelegramSpec {
        chatIds = List.copyOf(chatIds);
        on = Set.copyOf(on);
        templates = Map.copyOf(templates);
    }
}
