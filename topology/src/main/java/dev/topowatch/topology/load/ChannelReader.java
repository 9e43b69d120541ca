package dev.topowatch.topology.load;

import dev.topowatch.topology.ChannelSpec;

/**
 * Reads one alert channel's section of {@code alerts:} (such as {@code alerts.slack}). The server
 * hands the loader one reader per channel it knows, so that a channel's keys are checked where the
 * rest of the file is, with the same located errors, while this module knows no channel.
 */
@FunctionalInterface
public interface ChannelReader {

    /** The channel's spec: a best effort after errors were reported through {@code section}; null to leave the channel out. */
    ChannelSpec read(ConfigNode section);
}
