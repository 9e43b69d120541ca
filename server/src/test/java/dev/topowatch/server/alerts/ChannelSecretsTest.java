package dev.topowatch.server.alerts;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** No channel shows its secrets: not the loaded topology printed, not a channel's key or name (the summary and the logs show those). */
class ChannelSecretsTest {
    static final Map<String, String> ENVIRONMENT = Map.of(
            "BOT_TOKEN", "123456:bot-t0ken-value",
            "HOOK_SECRET", "hook-s3cret-value",
            "SLACK_URL", "https://hooks.slack.com/services/T0/B0/slack-t0ken-value",
            "DISCORD_URL", "https://discord.com/api/webhooks/1/discord-t0ken-value",
            "SMTP_PASSWORD", "smtp-s3cret-value");

    @Test
    void no_secret_of_any_channel_appears_in_the_topology_or_in_a_channels_key_or_name() {
        var topology = Channels.loader(ENVIRONMENT).parse("""
                alerts:
                  telegram: {bot_token: "${BOT_TOKEN}", chat_id: 42}
                  webhooks: [{url: "https://hooks.example.com/x", secret: "${HOOK_SECRET}"}]
                  slack: {webhook_url: "${SLACK_URL}"}
                  discord: {webhook_url: "https://discord.com/api/webhooks/1/literal-disc0rd-token"}
                  email: {smtp_host: smtp.example.com, username: alerts, password: "${SMTP_PASSWORD}", from: a@example.com, to: b@example.com}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 5432}
                """, Path.of("topology.yaml")).orThrow();
        var http = new OkHttpClient();
        var context = new ChannelContext(Clock.systemUTC(), null, http, root -> Optional.empty(), null, false);

        var shown = new StringBuilder(topology.toString());
        topology.alerts().channels().forEach((key, spec) -> {
            var opened = Channels.byKey(key).orElseThrow().openSpec(spec, context);
            opened.channels().forEach(channel -> shown.append('\n').append(channel.key()).append(' ').append(channel.displayName()));
            opened.resources().forEach(resource -> {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // a client that was never used
                }
            });
        });

        assertThat(shown.toString()).doesNotContain(ENVIRONMENT.values()).doesNotContain("literal-disc0rd-token")
                .contains("slack:", "discord:", "email:", "telegram:42");
    }
}
