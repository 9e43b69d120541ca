package dev.topowatch.topology.load;

import dev.topowatch.topology.Defaults;

import java.time.Duration;
import java.util.Set;

/** Reads {@code defaults:}. */
final class DefaultsReader {
    static final Set<String> KEYS = Set.of("interval", "timeout", "failure_threshold", "success_threshold", "retry_interval");
    static final Duration SHORTEST = Duration.ofMillis(1);
    static final int MAX_THRESHOLD = 100;

    private DefaultsReader() {
    }

    static Defaults read(YamlMap map) {
        if (map == null) {
            return Defaults.BUILT_IN;
        }
        map.rejectUnknown(KEYS, " in defaults");
        var builtIn = Defaults.BUILT_IN;
        return new Defaults(
                map.duration("interval", builtIn.interval(), SHORTEST),
                map.duration("timeout", builtIn.timeout(), SHORTEST),
                map.integer("failure_threshold", builtIn.failureThreshold(), 1, MAX_THRESHOLD),
                map.integer("success_threshold", builtIn.successThreshold(), 1, MAX_THRESHOLD),
                map.duration("retry_interval", builtIn.retryInterval(), SHORTEST));
    }
}
