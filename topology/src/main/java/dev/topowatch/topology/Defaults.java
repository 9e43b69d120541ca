package dev.topowatch.topology;

import java.time.Duration;

/**
 * The {@code defaults:} section: what every entity gets unless it says otherwise.
 *
 * @param retryInterval how soon a failed check is tried again while the failures in a row are fewer
 *                      than {@code failureThreshold}; never longer than the entity's interval
 */
public record Defaults(Duration interval, Duration timeout, int failureThreshold, int successThreshold,
                       Duration retryInterval) {

    public static final Defaults BUILT_IN = new Defaults(Duration.ofSeconds(60), Duration.ofSeconds(10), 2, 1,
            Duration.ofSeconds(5));
}
