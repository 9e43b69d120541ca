package dev.topowatch.server.alerts.email;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.ChannelBase;
import dev.topowatch.server.alerts.ChannelKey;
import dev.topowatch.server.alerts.Delivery;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * E-mail through one SMTP server (Jakarta Mail): the alerts of one group window as one message to
 * every recipient, with a plain-text and an HTML part. A refusal or a broken connection is retried
 * with the outbox's backoff; {@code X-Topowatch-Delivery} is the same on every attempt, so a repeat
 * after a crash between sending and marking can be told apart.
 */
public final class EmailChannel extends ChannelBase {
    public static final String DELIVERY_HEADER = "X-Topowatch-Delivery";
    private static final Duration PACE = Duration.ofSeconds(1);
    private static final String TIMEOUT_MS = "20000";

    private final EmailSpec spec;
    private final EmailMessage format;
    private final Session session;
    private final String key;

    EmailChannel(EmailSpec spec, Set<AlertKind> wants, EmailMessage format) {
        super(wants, true, PACE);
        this.spec = spec;
        this.format = format;
        this.session = Session.getInstance(properties(spec));
        this.key = ChannelKey.of("email", spec.smtpHost() + ":" + spec.smtpPort() + ":" + String.join(",", spec.to()));
    }

    private static Properties properties(EmailSpec spec) {
        var protocol = spec.tls() == EmailSpec.Tls.TLS ? "smtps" : "smtp";
        var properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", spec.smtpHost());
        properties.put("mail." + protocol + ".port", Integer.toString(spec.smtpPort()));
        properties.put("mail." + protocol + ".auth", Boolean.toString(spec.username() != null));
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (spec.tls() == EmailSpec.Tls.STARTTLS) {
            // Required, not merely tried: a server (or someone between) that drops STARTTLS gets no password in the clear.
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (spec.tls() != EmailSpec.Tls.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return "e-mail to " + String.join(", ", spec.to()) + " via " + spec.smtpHost() + ":" + spec.smtpPort();
    }

    @Override
    public Delivery deliver(List<Alert> alerts, List<Long> ids) {
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(spec.from(), true));
            for (var to : spec.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            message.setSubject(format.subject(alerts), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(alerts.getLast().at()));
            message.setHeader(DELIVERY_HEADER, Long.toString(ids.getFirst()));
            var text = new MimeBodyPart();
            text.setText(format.text(alerts), StandardCharsets.UTF_8.name(), "plain");
            var html = new MimeBodyPart();
            html.setText(format.html(alerts), StandardCharsets.UTF_8.name(), "html");
            // Simplest last: a client shows the last part it can, the plain text only where it can do no HTML.
            message.setContent(new MimeMultipart("alternative", text, html));
            try (var transport = session.getTransport()) {
                if (spec.username() != null) {
                    transport.connect(spec.username().value(), spec.password() == null ? null : spec.password().reveal());
                } else {
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Delivery.Delivered(List.of());
        } catch (MessagingException | RuntimeException failed) {
            return new Delivery.Retry("smtp " + spec.smtpHost() + ": " + failed.getClass().getSimpleName() + ": " + failed.getMessage(), null);
        }
    }
}
