package dev.topowatch.server.store;

import dev.topowatch.topology.Status;

import java.time.Duration;
import java.time.Instant;

/**
 * One raw check result as history keeps it.
 *
 * @param outcome {@code up}, {@code degraded} or {@code down}, as the probe said
 * @param blocked whether it failed while a dependency was down or inside a maintenance window: counted
 *                apart, not charged to the entity
 * @param error   null when it passed
 */
public record RecordedCheck(String entity, Instant at, Status outcome, boolean blocked, Duration latency, String error) {
}
