package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;

/**
 * A server: probed by ping, by a TCP connect to {@code port}, or not at all.
 *
 * @param host may be null only when {@code probe} is {@link Probe#NONE}
 * @param port the port for {@link Probe#TCP}, else 0
 */
public record ServerCheck(ConfigText host, Probe probe, int port) implements CheckSpec {

    public enum Probe { PING, TCP, NONE }
}
