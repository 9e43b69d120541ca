package dev.topowatch.server.alerts.webhook;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.ChannelSpec;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.util.List;
import java.util.Set;

/** {@code alerts.webhooks}: a list of generic webhooks. */
public record WebhookSpec(List<Hook> hooks) implements ChannelSpec {
    public WebhookSpec {
        hooks = List.copyOf(hooks);
    }

    /** One webhook, its body signed with HMAC-SHA256 of {@code secret} (which may be null). */
    public record Hook(ConfigText url, Secret secret, Set<AlertEvent> on) {
        public Hook {
            on = Set.copyOf(on);
        }
    }
}
