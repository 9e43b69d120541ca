package dev.topowatch.server.alerts.slack;

import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.ChannelContext;
import dev.topowatch.server.alerts.ChannelType;
import dev.topowatch.server.alerts.ChatWebhookChannel;
import dev.topowatch.topology.load.ConfigNode;

import java.util.List;
import java.util.Set;

/** {@code alerts.slack: {webhook_url, on}}: one channel, a Slack incoming webhook. */
public final class SlackType implements ChannelType<SlackSpec> {
    static final Set<String> KEYS = Set.of("webhook_url", "on");

    @Override
    public String key() {
        return "slack";
    }

    @Override
    public Class<SlackSpec> specType() {
        return SlackSpec.class;
    }

    @Override
    public SlackSpec read(ConfigNode section) {
        var map = section.asMap();
        if (map == null) {
            return null;
        }
        map.rejectUnknown(KEYS);
        map.require("webhook_url");
        return new SlackSpec(map.secretUrl("webhook_url", Set.of("https", "http")), map.events());
    }

    @Override
    public Opened open(SlackSpec spec, ChannelContext context) {
        var format = new SlackMessage(context.boardUrl());
        return Opened.of(List.of(new ChatWebhookChannel("slack", context.http(), spec.webhookUrl(), AlertKind.of(spec.on()), format::json)));
    }
}
