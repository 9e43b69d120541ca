package dev.topowatch.topology;

/**
 * One alert channel's section of {@code alerts:}, as the channel's own package read it (through a
 * {@link dev.topowatch.topology.load.ChannelReader}). The topology keeps it without knowing what it
 * holds: a channel is a plug-in of the server, and this module must not depend on the server. A
 * record, so that a reload can tell whether the section changed; its {@code toString()} must not show
 * a secret (hold them as {@link Secret} or {@link ConfigText}).
 */
public interface ChannelSpec {
}
