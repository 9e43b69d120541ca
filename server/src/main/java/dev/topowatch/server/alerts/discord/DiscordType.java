package dev.topowatch.server.alerts.discord;

import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.ChannelContext;
import dev.topowatch.server.alerts.ChannelType;
import dev.topowatch.server.alerts.ChatWebhookChannel;
import dev.topowatch.topology.load.ConfigNode;

import java.util.List;
import java.util.Set;

/** {@code alerts.discord: {webhook_url, on}}: one channel, a Discord webhook. */
public final class DiscordType implements ChannelType<DiscordSpec> {
    static final Set<String> KEYS = Set.of("webhook_url", "on");

    @Override
    public String key() {
        return "discord";
    }

    @Override
    public Class<DiscordSpec> specType() {
        return DiscordSpec.class;
    }

    @Override
    public DiscordSpec read(ConfigNode section) {
        var map = section.asMap();
        if (map == null) {
            return null;
        }
        map.rejectUnknown(KEYS);
        map.require("webhook_url");
        return new DiscordSpec(map.secretUrl("webhook_url", Set.of("https", "http")), map.events());
    }

    @Override
    public Opened open(DiscordSpec spec, ChannelContext context) {
        var format = new DiscordMessage(context.boardUrl());
        return Opened.of(List.of(new ChatWebhookChannel("discord", context.http(), spec.webhookUrl(), AlertKind.of(spec.on()), format::json)));
    }
}
