package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;

/** A TCP connect to {@code host:port}. */
public record TcpCheck(ConfigText host, int port) implements CheckSpec {
}
