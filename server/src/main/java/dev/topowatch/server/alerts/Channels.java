package dev.topowatch.server.alerts;

import dev.topowatch.server.alerts.discord.DiscordType;
import dev.topowatch.server.alerts.email.EmailType;
import dev.topowatch.server.alerts.slack.SlackType;
import dev.topowatch.server.alerts.telegram.TelegramType;
import dev.topowatch.server.alerts.webhook.WebhookType;
import dev.topowatch.topology.load.ChannelReader;
import dev.topowatch.topology.load.TopologyLoader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every kind of alert channel the board knows: a new one is a package under {@code alerts/} and one line here. */
public final class Channels {
    public static final List<ChannelType<?>> ALL = List.of(
            new TelegramType(),
            new WebhookType(),
            new SlackType(),
            new DiscordType(),
            new EmailType());

    private Channels() {
    }

    /** The loader of topology files that knows every channel's section. */
    public static TopologyLoader loader(Map<String, String> environment) {
        var readers = new LinkedHashMap<String, ChannelReader>();
        ALL.forEach(type -> readers.put(type.key(), type::read));
        return new TopologyLoader(environment, readers);
    }

    static Optional<ChannelType<?>> byKey(String key) {
        return ALL.stream().filter(type -> type.key().equals(key)).findFirst();
    }
}
