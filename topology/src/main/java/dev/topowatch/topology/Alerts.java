package dev.topowatch.topology;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code alerts:} section: where messages about transitions go.
 *
 * @param groupWindow problems that start within this window of each other go out as one message
 * @param channels    each channel's section by its key ({@code telegram}, {@code webhooks}, ...), in
 *                    the order written, as the channel's reader made it
 */
public record Alerts(Duration groupWindow, Map<String, ChannelSpec> channels) {

    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofSeconds(10);
    public static final Alerts NONE = new Alerts(DEFAULT_GROUP_WINDOW, Map.of());

    public Alerts {
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    public boolean any() {
        return !channels.isEmpty();
    }
}
