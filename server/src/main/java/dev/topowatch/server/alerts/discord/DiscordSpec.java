package dev.topowatch.server.alerts.discord;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.ChannelSpec;
import dev.topowatch.topology.Secret;

import java.util.Set;

/** {@code alerts.discord}: a channel's webhook, whose URL holds the token that lets one post. */
public record DiscordSpec(Secret webhookUrl, Set<AlertEvent> on) implements ChannelSpec {
    public DiscordSpec {
        on = Set.copyOf(on);
    }
}
