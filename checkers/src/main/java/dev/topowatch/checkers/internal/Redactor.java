package dev.topowatch.checkers.internal;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.CommandCheck;
import dev.topowatch.topology.check.DatabaseCheck;
import dev.topowatch.topology.check.DnsCheck;
import dev.topowatch.topology.check.GroupCheck;
import dev.topowatch.topology.check.HeartbeatCheck;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.PingCheck;
import dev.topowatch.topology.check.RedisCheck;
import dev.topowatch.topology.check.ServerCheck;
import dev.topowatch.topology.check.TcpCheck;
import dev.topowatch.topology.Secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes configured values from text that is about to be shown: a library's exception message, a
 * command's output. Messages we write ourselves use {@link ConfigText#toString()}; this is the net for
 * text we did not write, which may quote a host or URL that was filled in from {@code ${VAR}}.
 */
public final class Redactor {
    private static final String HIDDEN = "******";
    /** The same references as the loader expands: {@code ${VAR}}, {@code ${VAR:-fallback}}, {@code $${}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?}");
    private static final Pattern URL_PASSWORD = Pattern.compile("://[^/@:\\s]*:([^@/\\s]+)@");
    /** Shorter fragments would blank out ordinary words ("a", "80"). */
    private static final int SHORTEST = 3;

    private final List<String> hidden;

    private Redactor(List<String> hidden) {
        this.hidden = hidden;
    }

    public static Redactor of(List<ConfigText> texts, List<Secret> secrets) {
        var hidden = new ArrayList<String>();
        for (var text : texts) {
            if (text != null) {
                hidden.addAll(fragments(text));
            }
        }
        for (var secret : secrets) {
            if (secret != null && !secret.reveal().isEmpty()) {
                hidden.add(secret.reveal());
            }
        }
        // Longest first, so that a value containing another is hidden whole.
        hidden.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(hidden));
    }

    public static Redactor of(ConfigText... texts) {
        return of(java.util.Arrays.asList(texts), List.of());
    }

    /** Everything an entity's check is configured with: what a probe of it might quote back. */
    public static Redactor forEntity(Entity entity) {
        var texts = new ArrayList<ConfigText>();
        var secrets = new ArrayList<Secret>();
        switch (entity.check()) {
            case ServerCheck server -> texts.add(server.host());
            case HttpCheck http -> {
                texts.add(http.url());
                texts.addAll(http.headers().values());
                texts.add(http.body());
                texts.add(http.expect().bodyContains());
            }
            case PingCheck ping -> texts.add(ping.host());
            case TcpCheck tcp -> texts.add(tcp.host());
            case DnsCheck dns -> {
                texts.add(dns.query());
                texts.add(dns.resolver());
                texts.addAll(dns.expectedValues());
            }
            case DatabaseCheck database -> {
                texts.add(database.url());
                texts.add(database.username());
                texts.add(database.query());
                texts.addAll(database.capture().values());
                secrets.add(database.password());
            }
            case RedisCheck redis -> {
                texts.add(redis.url());
                secrets.add(redis.password());
            }
            case CommandCheck command -> {
                texts.addAll(command.argv());
                texts.add(command.outputContains());
            }
            case HeartbeatCheck heartbeat -> secrets.add(heartbeat.token());
            case GroupCheck group -> {
                // Nothing configured that connects anywhere.
            }
        }
        return of(texts, secrets);
    }

    /** {@code message} with every hidden value replaced by asterisks; null stays null. */
    public String clean(String message) {
        if (message == null) {
            return null;
        }
        var cleaned = message;
        for (var value : hidden) {
            cleaned = cleaned.replace(value, HIDDEN);
        }
        return cleaned;
    }

    /**
     * The parts of the value that came from the environment or are masked in the display form (found by
     * lining the value up against the literal parts of the template), and a password written into a URL.
     */
    private static List<String> fragments(ConfigText text) {
        var found = new ArrayList<String>();
        var passwords = URL_PASSWORD.matcher(text.value());
        while (passwords.find()) {
            found.add(passwords.group(1));
        }
        var template = template(text);
        var literals = REFERENCE.split(template, -1);
        var shape = new StringBuilder("^");
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                shape.append("(.*?)");
            }
            shape.append(Pattern.quote(literals[i]));
        }
        Matcher matcher = Pattern.compile(shape.append("$").toString(), Pattern.DOTALL).matcher(text.value());
        if (matcher.matches()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                found.add(matcher.group(group));
            }
        } else {
            // Could not line them up: hide the whole value rather than guess.
            found.add(text.value());
        }
        return keepLongEnough(found);
    }

    /**
     * The template as written. {@link ConfigText#toString()} masks URL passwords in it, which does not
     * change where the references stand, so it lines up as well as the raw template would.
     */
    private static String template(ConfigText text) {
        return text.toString().replace("******", "${MASKED}");
    }

    private static List<String> keepLongEnough(List<String> values) {
        return values.stream().filter(value -> value.length() >= SHORTEST).toList();
    }
}
