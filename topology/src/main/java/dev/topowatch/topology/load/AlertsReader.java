package dev.topowatch.topology.load;

import dev.topowatch.topology.Alerts;
import dev.topowatch.topology.ChannelSpec;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;

/**
 * Reads {@code alerts:}: the group window here, each channel's section by the reader the server
 * registered for its key. A channel nobody registered is an unknown key like any other.
 */
final class AlertsReader {
    static final String GROUP_WINDOW = "group_window";
    /** Where templates were before each channel read its own section: said plainly, not as an unknown key. */
    private static final String MOVED_TEMPLATES = "templates";

    private AlertsReader() {
    }

    static Alerts read(YamlMap map, Reading reading) {
        if (map == null) {
            return Alerts.NONE;
        }
        var readers = reading.channels;
        var keys = new HashSet<>(readers.keySet());
        keys.add(GROUP_WINDOW);
        if (map.keys().contains(MOVED_TEMPLATES) && !readers.containsKey(MOVED_TEMPLATES)) {
            map.error(map.keyNode(MOVED_TEMPLATES), "'alerts.templates' has moved: write it under 'alerts.telegram.templates'"
                    + " (templates shape Telegram's messages; the other channels have their own formats)");
            keys.add(MOVED_TEMPLATES);
        }
        map.rejectUnknown(keys, " in alerts");
        var channels = new LinkedHashMap<String, ChannelSpec>();
        for (var key : map.keys()) {
            var reader = readers.get(key);
            var value = map.valueNode(key);
            if (reader == null || YamlMap.isNull(value)) {
                continue;
            }
            var spec = reader.read(new ConfigNode(reading, value, map.keyNode(key), "alerts." + key));
            if (spec != null) {
                channels.put(key, spec);
            }
        }
        var window = map.duration(GROUP_WINDOW, Alerts.DEFAULT_GROUP_WINDOW, Duration.ZERO);
        return new Alerts(window, channels);
    }
}
