package dev.topowatch.topology.check;

import dev.topowatch.topology.Secret;

import java.time.Duration;

/**
 * Up while a push arrived within {@code maxSilence}.
 *
 * @param token the entity's own push token, or null to accept the board token only
 */
public record HeartbeatCheck(Duration maxSilence, Secret token) implements CheckSpec {
}
