package dev.topowatch.topology.load;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the topology file as code outside this module reads it (a channel's section):
 * typed values with {@code ${VAR}} expanded, each error reported at its value's line and column with
 * the nearest known word suggested, secrets never quoted.
 */
public final class ConfigMap {
    private final YamlMap map;
    private final String whatFor;

    ConfigMap(YamlMap map, String whatFor) {
        this.map = map;
        this.whatFor = " " + whatFor;
    }

    /** Reports every key not in {@code allowed}, with the nearest allowed one. */
    public void rejectUnknown(Collection<String> allowed) {
        map.rejectUnknown(allowed, whatFor);
    }

    /** Reports each of {@code keys} that is missing; whether all are there. */
    public boolean require(String... keys) {
        return map.require(keys);
    }

    /** Keys in the order written. */
    public Collection<String> keys() {
        return map.keys();
    }

    /** The field's name as messages show it: {@code 'alerts.slack.webhook_url'}. */
    public String field(String key) {
        return map.field(key);
    }

    public ConfigText text(String key) {
        return map.text(key);
    }

    public String string(String key) {
        return map.string(key);
    }

    public Secret secret(String key) {
        return map.secret(key);
    }

    public int integer(String key, int fallback, int min, int max) {
        return map.integer(key, fallback, min, max);
    }

    /** A list of single values, or one alone as a list of one; each stripped. */
    public List<String> strings(String key) {
        return map.scalars(key, true).stream().map(Scalar::value).map(String::strip).toList();
    }

    /** Each single value of a list (or one alone), each able to report a problem at its own place. */
    public List<ConfigValue> values(String key) {
        return map.scalars(key, true).stream().map(scalar -> new ConfigValue(map, scalar, map.field(key))).toList();
    }

    /** A nested mapping, its fields named {@code alerts.telegram.templates.x}; null when absent or not a mapping. */
    public ConfigMap map(String key) {
        var nested = map.map(key);
        return nested == null ? null : new ConfigMap(nested, "in " + map.field(key));
    }

    /** An absolute URL with one of {@code schemes} and a host; reported, and still returned, when it is not one. */
    public ConfigText url(String key, Set<String> schemes) {
        var scalar = map.scalar(key);
        if (scalar == null) {
            return null;
        }
        Urls.problem(scalar.value(), schemes).ifPresent(problem ->
                map.error(scalar.node(), map.field(key) + " " + problem + " " + scalar.shown()));
        return scalar.text();
    }

    /** {@code text} as a URI when it is a valid URL with one of {@code schemes}: for a reader that looks at its parts. */
    public static Optional<URI> validUrl(ConfigText text, Set<String> schemes) {
        if (text == null || Urls.problem(text.value(), schemes).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(text.value().strip()));
    }

    /**
     * A URL that is itself a secret (a Slack or Discord webhook holds its token in its path): checked
     * like {@link #url}, but no message ever quotes it.
     */
    public Secret secretUrl(String key, Set<String> schemes) {
        var scalar = map.scalar(key);
        if (scalar == null) {
            return null;
        }
        Urls.problem(scalar.value(), schemes).ifPresent(problem ->
                map.error(scalar.node(), map.field(key) + " " + problem + " (value not shown: it holds a secret)"));
        return scalar.secret();
    }

    /** One of {@code words} (case ignored), or {@code fallback} when absent or, after an error, not one of them. */
    public String oneOf(String key, List<String> words, String fallback) {
        var scalar = map.scalar(key);
        if (scalar == null) {
            return fallback;
        }
        var word = scalar.value().strip().toLowerCase(Locale.ROOT);
        if (words.contains(word)) {
            return word;
        }
        var hint = Suggestions.closest(word, words).map(near -> "did you mean '" + near + "'? ").orElse("");
        map.error(scalar.node(), map.field(key) + " must be one of " + String.join(", ", words) + " (" + hint + scalar.shown().substring(1));
        return fallback;
    }

    /** {@code on: [down, recovered, degraded]}; all of them when absent. */
    public Set<AlertEvent> events() {
        if (!map.has("on")) {
            return EnumSet.allOf(AlertEvent.class);
        }
        var names = Arrays.stream(AlertEvent.values()).map(AlertEvent::yamlName).toList();
        var events = EnumSet.noneOf(AlertEvent.class);
        for (var scalar : map.scalars("on", true)) {
            var word = scalar.value().strip().toLowerCase(Locale.ROOT);
            if (names.contains(word)) {
                events.add(AlertEvent.valueOf(word.toUpperCase(Locale.ROOT)));
            } else {
                var hint = Suggestions.closest(word, names).map(near -> "did you mean '" + near + "'? ").orElse("");
                map.error(scalar.node(), map.field("on") + " items must be one of " + String.join(", ", names)
                        + " (" + hint + scalar.shown().substring(1));
            }
        }
        return events;
    }

    /** Reports a problem with {@code key}'s value, at the value; the message starts with {@link #field}. */
    public void error(String key, String message) {
        var value = map.valueNode(key);
        map.error(value == null ? map.keyNode(key) : value, message);
    }

    /** Reports a problem with {@code key} itself (a key that is not a known word), at the key. */
    public void errorAtKey(String key, String message) {
        map.error(map.keyNode(key), message);
    }

    /** {@code (got 'x')}, or {@code (value of ${VAR} not shown)}: what a message may quote of {@code key}'s value. */
    public String shown(String key) {
        var scalar = map.scalar(key);
        return scalar == null ? "" : scalar.shown();
    }
}
