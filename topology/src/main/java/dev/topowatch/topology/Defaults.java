package dev.topowatch.topology;

import java.time.Duration;

/** The {@code defaults:} section: what every entity gets unless it says otherwise. */
public record Defaults(Duration interval, Duration timeout, int failureThreshold, int successThreshold) {

    public static final Defaults BUILT_IN = new Defaults(Duration.ofSeconds(60), Duration.ofSeconds(10), 2, 1);
}
