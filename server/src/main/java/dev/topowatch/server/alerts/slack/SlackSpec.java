package dev.topowatch.server.alerts.slack;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.ChannelSpec;
import dev.topowatch.topology.Secret;

import java.util.Set;

/** {@code alerts.slack}: an incoming webhook, whose URL is the secret that lets one post. */
public record SlackSpec(Secret webhookUrl, Set<AlertEvent> on) implements ChannelSpec {
    public SlackSpec {
        on = Set.copyOf(on);
    }
}
