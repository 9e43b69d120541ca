package dev.topowatch.server.alerts.webhook;

import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.Channel;
import dev.topowatch.server.alerts.ChannelContext;
import dev.topowatch.server.alerts.ChannelType;
import dev.topowatch.topology.load.ConfigNode;

import java.util.ArrayList;
import java.util.Set;

/** {@code alerts.webhooks}: a list of {@code {url, secret, on}}, one channel each. */
public final class WebhookType implements ChannelType<WebhookSpec> {
    static final Set<String> KEYS = Set.of("url", "secret", "on");

    @Override
    public String key() {
        return "webhooks";
    }

    @Override
    public Class<WebhookSpec> specType() {
        return WebhookSpec.class;
    }

    @Override
    public WebhookSpec read(ConfigNode section) {
        var hooks = new ArrayList<WebhookSpec.Hook>();
        for (var map : section.asListOfMaps("a webhook")) {
            map.rejectUnknown(KEYS);
            map.require("url");
            hooks.add(new WebhookSpec.Hook(map.url("url", Set.of("http", "https")), map.secret("secret"), map.events()));
        }
        return hooks.isEmpty() ? null : new WebhookSpec(hooks);
    }

    @Override
    public Opened open(WebhookSpec spec, ChannelContext context) {
        var channels = new ArrayList<Channel>();
        for (var hook : spec.hooks()) {
            channels.add(new WebhookChannel(context.http(), hook, AlertKind.of(hook.on()), context.boardUrl(), context.clock()));
        }
        return Opened.of(channels);
    }
}
