package dev.topowatch.topology.load;

import dev.topowatch.topology.AlertEvent;
import dev.topowatch.topology.Alerts;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads {@code alerts:}: Telegram and webhooks. */
final class AlertsReader {
    static final Set<String> KEYS = Set.of("telegram", "webhooks", "group_window", "templates");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    static final Set<String> TELEGRAM_KEYS = Set.of("bot_token", "chat_id", "api_url", "proxy", "on");
    static final Set<String> WEBHOOK_KEYS = Set.of("url", "secret", "on");

    private AlertsReader() {
    }

    static Alerts read(YamlMap map, Reading reading) {
        if (map == null) {
            return Alerts.NONE;
        }
        map.rejectUnknown(KEYS, " in alerts");
        var telegram = telegram(map.map("telegram"));
        var webhooks = new ArrayList<Alerts.Webhook>();
        var items = map.sequence("webhooks");
        for (int i = 0; i < items.size(); i++) {
            var webhook = YamlMap.item(reading, items.get(i), "alerts.webhooks[" + i + "]", "a webhook");
            if (webhook != null) {
                webhooks.add(webhook(webhook));
            }
        }
        var window = map.duration("group_window", Alerts.DEFAULT_GROUP_WINDOW, Duration.ZERO);
        return new Alerts(telegram, webhooks, window, templates(map));
    }

    /** {@code templates: {down: "...", ...}}: known kinds only, known placeholders only. */
    private static Map<String, String> templates(YamlMap map) {
        var templates = new TreeMap<String, String>();
        var nested = map.map("templates");
        for (var entry : map.scalarMap("templates").entrySet()) {
            var kind = entry.getKey();
            var scalar = entry.getValue();
            if (!Alerts.TEMPLATE_KINDS.contains(kind)) {
                var hint = Suggestions.closest(kind, Alerts.TEMPLATE_KINDS).map(near -> " (did you mean '" + near + "'?)").orElse("");
                map.error(nested.keyNode(kind), "'alerts.templates." + kind + "' is not a kind of message" + hint + ": one of "
                        + String.join(", ", new TreeSet<>(Alerts.TEMPLATE_KINDS)));
                continue;
            }
            var matcher = PLACEHOLDER.matcher(scalar.value());
            while (matcher.find()) {
                var name = matcher.group(1);
                if (!Alerts.TEMPLATE_PLACEHOLDERS.contains(name)) {
                    var hint = Suggestions.closest(name, Alerts.TEMPLATE_PLACEHOLDERS).map(near -> " (did you mean '{" + near + "}'?)").orElse("");
                    map.error(scalar.node(), "'alerts.templates." + kind + "' uses an unknown placeholder '{" + name + "}'" + hint
                            + ": known are " + String.join(", ", new TreeSet<>(Alerts.TEMPLATE_PLACEHOLDERS)));
                }
            }
            templates.put(kind, scalar.value());
        }
        return templates;
    }

    private static Alerts.Telegram telegram(YamlMap map) {
        if (map == null) {
            return null;
        }
        map.rejectUnknown(TELEGRAM_KEYS, " in alerts.telegram");
        map.require("bot_token", "chat_id");
        Urls.check(map, "api_url", Set.of("http", "https"));
        rejectPath(map, "api_url");
        Urls.check(map, "proxy", Set.of("http", "https", "socks5"));
        var chats = map.scalars("chat_id", true).stream().map(Scalar::value).map(String::strip).toList();
        return new Alerts.Telegram(map.secret("bot_token"), chats, map.text("api_url"), map.text("proxy"), events(map));
    }

    /**
     * The Bot API client puts {@code /bot<token>/method} at the server's root and keeps only the
     * scheme, host and port of {@code api_url}: a path would be dropped without a word, and every
     * alert would go to the wrong place.
     */
    private static void rejectPath(YamlMap map, String key) {
        var scalar = map.scalar(key);
        if (scalar == null || Urls.problem(scalar.value(), Set.of("http", "https")).isPresent()) {
            return;
        }
        var uri = URI.create(scalar.value().strip());
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            map.error(scalar.node(), map.field(key) + " takes a scheme, host and port only (the Bot API's paths start at the"
                    + " server's root), not a path or query " + scalar.shown());
        }
    }

    private static Alerts.Webhook webhook(YamlMap map) {
        map.rejectUnknown(WEBHOOK_KEYS, " in a webhook");
        map.require("url");
        Urls.check(map, "url", Set.of("http", "https"));
        return new Alerts.Webhook(map.text("url"), map.secret("secret"), events(map));
    }

    /** {@code on: [down, recovered, degraded]}; all of them when absent. */
    private static Set<AlertEvent> events(YamlMap map) {
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
}
