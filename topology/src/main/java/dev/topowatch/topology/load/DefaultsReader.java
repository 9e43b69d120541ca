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
        return map == null ? Defaults.BUILT_IN : read(map, Defaults.BUILT_IN);
    }

    /** {@code defaults:} over {@code base}: an included file's own over the topology's. */
    static Defaults read(YamlMap map, Defaults base) {
        map.rejectUnknown(KEYS, " in defaults");
        return new Defaults(
                map.duration("interval", base.interval(), SHORTEST),
                map.duration("timeout", base.timeout(), SHORTEST),
                map.integer("failure_threshold", base.failureThreshold(), 1, MAX_THRESHOLD),
                map.integer("success_threshold", base.successThreshold(), 1, MAX_THRESHOLD),
                map.duration("retry_interval", base.retryInterval(), SHORTEST));
    }
}
