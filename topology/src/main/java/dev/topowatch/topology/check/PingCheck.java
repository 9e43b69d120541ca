package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;

/** ICMP echo to {@code host}, {@code count} packets. */
public record PingCheck(ConfigText host, int count) implements CheckSpec {
}
