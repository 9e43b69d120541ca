package dev.topowatch.server.api;

import dev.topowatch.diagram.DiagramService;
import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.store.Store;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the HTTP layer reads or drives, wired by the program (or a test) with real parts.
 *
 * @param topologyInfo which topology runs, and the errors of the file on disk if it is invalid
 * @param reload       loads the topology file again now and says what runs after
 * @param undeliveredAlerts alerts still in the outbox, by channel
 */
public record Dependencies(StatusEngine engine, Store store, CheckControl checks, DiagramService diagram,
                           Supplier<TopologyInfo> topologyInfo, Supplier<TopologyInfo> reload,
                           Supplier<Map<String, Long>> undeliveredAlerts, Clock clock) {
}
