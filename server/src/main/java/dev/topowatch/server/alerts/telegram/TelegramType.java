package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.Channel;
import dev.topowatch.server.alerts.ChannelContext;
import dev.topowatch.server.alerts.ChannelType;
import dev.topowatch.topology.load.ConfigMap;
import dev.topowatch.topology.load.ConfigNode;
import dev.topowatch.topology.load.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code alerts.telegram}: its keys, and one channel per chat sharing one bot and its command loop. */
public final class TelegramType implements ChannelType<TelegramSpec> {
    static final Set<String> KEYS = Set.of("bot_token", "chat_id", "api_url", "proxy", "on", "templates");
    /** The kinds a template can be given for, and the placeholders it may use. */
    static final Set<String> TEMPLATE_KINDS = Set.of("down", "recovered", "degraded", "flapping");
    static final Set<String> TEMPLATE_PLACEHOLDERS =
            Set.of("entity", "status", "previous", "since", "error", "casualties", "duration", "link", "board");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Set<String> WEB = Set.of("http", "https");

    @Override
    public String key() {
        return "telegram";
    }

    @Override
    public Class<TelegramSpec> specType() {
        return TelegramSpec.class;
    }

    @Override
    public TelegramSpec read(ConfigNode section) {
        var map = section.asMap();
        if (map == null) {
            return null;
        }
        map.rejectUnknown(KEYS);
        map.require("bot_token", "chat_id");
        var apiUrl = map.url("api_url", WEB);
        rejectPath(map, apiUrl);
        var proxy = map.url("proxy", Set.of("http", "https", "socks5"));
        return new TelegramSpec(map.secret("bot_token"), map.strings("chat_id"), apiUrl, proxy, map.events(), templates(map));
    }

    /**
     * The Bot API client puts {@code /bot<token>/method} at the server's root and keeps only the
     * scheme, host and port of {@code api_url}: a path would be dropped without a word, and every
     * alert would go to the wrong place.
     */
    private static void rejectPath(ConfigMap map, dev.topowatch.topology.ConfigText apiUrl) {
        ConfigMap.validUrl(apiUrl, WEB).ifPresent(uri -> {
            var path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
                map.error("api_url", map.field("api_url") + " takes a scheme, host and port only (the Bot API's paths start at the"
                        + " server's root), not a path or query " + map.shown("api_url"));
            }
        });
    }

    /** {@code templates: {down: "...", ...}}: known kinds only, known placeholders only. */
    private static Map<String, String> templates(ConfigMap map) {
        var templates = new TreeMap<String, String>();
        var nested = map.map("templates");
        if (nested == null) {
            return templates;
        }
        for (var kind : nested.keys()) {
            var template = nested.string(kind);
            if (template == null) {
                continue;
            }
            if (!TEMPLATE_KINDS.contains(kind)) {
                var hint = Suggestions.closest(kind, TEMPLATE_KINDS).map(near -> " (did you mean '" + near + "'?)").orElse("");
                nested.errorAtKey(kind, nested.field(kind) + " is not a kind of message" + hint + ": one of "
                        + String.join(", ", new TreeSet<>(TEMPLATE_KINDS)));
                continue;
            }
            var matcher = PLACEHOLDER.matcher(template);
            while (matcher.find()) {
                var name = matcher.group(1);
                if (!TEMPLATE_PLACEHOLDERS.contains(name)) {
                    var hint = Suggestions.closest(name, TEMPLATE_PLACEHOLDERS).map(near -> " (did you mean '{" + near + "}'?)").orElse("");
                    nested.error(kind, nested.field(kind) + " uses an unknown placeholder '{" + name + "}'" + hint
                            + ": known are " + String.join(", ", new TreeSet<>(TEMPLATE_PLACEHOLDERS)));
                }
            }
            templates.put(kind, template);
        }
        return templates;
    }

    @Override
    public Opened open(TelegramSpec spec, ChannelContext context) {
        var api = new TelegramApi(spec.botToken(), spec.apiUrl(), spec.proxy());
        var text = new TelegramText(spec.templates(), context.boardUrl());
        var wants = AlertKind.of(spec.on());
        var channels = new ArrayList<Channel>();
        for (var chat : spec.chatIds()) {
            channels.add(new TelegramChannel(api, chat, wants, text, context.pictures()));
        }
        if (!context.commands()) {
            return new Opened(channels, List.of(api));
        }
        var chats = spec.chatIds().stream().map(chat -> chat.contains("/") ? chat.substring(0, chat.indexOf('/')) : chat)
                .collect(Collectors.toSet());
        var commands = new BotCommands(api, chats, new BotAnswers(context.board(), context.clock()));
        // The command loop stops before the client it polls with.
        return new Opened(channels, List.of(commands, api));
    }
}
