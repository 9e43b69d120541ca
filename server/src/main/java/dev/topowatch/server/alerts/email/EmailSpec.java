package dev.topowatch.server.alerts.email;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.ChannelSpec;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code alerts.email}: one SMTP server, one sender, any number of recipients (one message to all).
 *
 * @param username null to send without logging in
 * @param password null when there is no username
 */
public record EmailSpec(String smtpHost, int smtpPort, Tls tls, ConfigText username, Secret password, String from, List<String> to,
                        Set<AlertEvent> on) implements ChannelSpec {
    public EmailSpec {
        to = List.copyOf(to);
        on = Set.copyOf(on);
    }

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain text: a relay on the same machine or network only. */
        NONE(25),
        /** Plain, then upgraded by STARTTLS before anything is sent; refused when the server cannot. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS). */
        TLS(465);

        final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
