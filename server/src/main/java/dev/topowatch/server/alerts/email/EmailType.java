package dev.topowatch.server.alerts.email;

import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.ChannelContext;
import dev.topowatch.server.alerts.ChannelType;
import dev.topowatch.topology.load.ConfigNode;
import dev.topowatch.topology.load.ConfigValue;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code alerts.email: {smtp_host, smtp_port, tls, username, password, from, to, on}}: one channel, one SMTP server. */
public final class EmailType implements ChannelType<EmailSpec> {
    static final Set<String> KEYS = Set.of("smtp_host", "smtp_port", "tls", "username", "password", "from", "to", "on");

    @Override
    public String key() {
        return "email";
    }

    @Override
    public Class<EmailSpec> specType() {
        return EmailSpec.class;
    }

    @Override
    public EmailSpec read(ConfigNode section) {
        var map = section.asMap();
        if (map == null) {
            return null;
        }
        map.rejectUnknown(KEYS);
        map.require("smtp_host", "from", "to");
        var words = Arrays.stream(EmailSpec.Tls.values()).map(EmailSpec.Tls::yamlName).toList();
        var tls = EmailSpec.Tls.valueOf(map.oneOf("tls", words, "starttls").toUpperCase(Locale.ROOT));
        int port = map.integer("smtp_port", tls.defaultPort, 1, 65_535);
        var username = map.text("username");
        var password = map.secret("password");
        if (password != null && username == null) {
            map.error("password", map.field("password") + " needs a 'username' to log in with");
        }
        var from = map.values("from").stream().findFirst().map(EmailType::address).orElse("");
        var to = map.values("to").stream().map(EmailType::address).toList();
        var host = map.string("smtp_host");
        return new EmailSpec(host == null ? "" : host.strip(), port, tls, username, password, from, to, map.events());
    }

    /** An address such as {@code ops@example.com} or {@code Ops <ops@example.com>}, checked as Jakarta Mail will read it. */
    private static String address(ConfigValue value) {
        try {
            var parsed = InternetAddress.parse(value.value(), true);
            if (parsed.length != 1) {
                value.error("must hold one e-mail address per item " + value.shown());
            }
        } catch (AddressException invalid) {
            value.error("must be an e-mail address such as ops@example.com " + value.shown());
        }
        return value.value();
    }

    @Override
    public Opened open(EmailSpec spec, ChannelContext context) {
        return Opened.of(List.of(new EmailChannel(spec, AlertKind.of(spec.on()), new EmailMessage(context.boardUrl()))));
    }
}
