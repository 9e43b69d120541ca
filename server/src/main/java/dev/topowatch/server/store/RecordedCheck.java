package dev.topowatch.server.store;

import dev.topowatch.topology.Status;

import java.time.Duration;
import java.time.Instant;

/**
 * One raw check result as history keeps it.
 *
 * @param outcome {@code up}, {@code degraded} or {@code down}, as the probe said
 * @param blocked whether a dependency was down at the time, so it is counted apart
 * @param error   null when it passed
 */
public record RecordedCheck(String entity, Instant at, Status outcome, boolean blocked, Duration latency, String error) {
}
