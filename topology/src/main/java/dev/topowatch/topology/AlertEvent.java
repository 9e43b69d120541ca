package dev.topowatch.topology;

import java.util.Locale;

/** The transitions a channel can ask to be told about, in {@code on: [...]}. */
public enum AlertEvent {
    DOWN, RECOVERED, DEGRADED;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
