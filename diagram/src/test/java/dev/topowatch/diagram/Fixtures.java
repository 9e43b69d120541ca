package dev.topowatch.diagram;

import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.TopologyLoader;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Topologies and snapshots for diagram tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-03T06:00:00Z");

    static final String SHOP = """
            board: {title: Shop}
            entities:
              vps:
                type: server
                host: 127.0.0.1
              db:
                type: database
                server: vps
                runtime: docker
                url: jdbc:postgresql://127.0.0.1/app
                capture: {size: "SELECT 1"}
              cache_a: {type: redis, url: "redis://127.0.0.1:6379"}
              cache_b: {type: redis, url: "redis://127.0.0.1:6380"}
              api:
                type: api
                server: vps
                url: http://127.0.0.1/health
                depends_on: [db, {any_of: [cache_a, cache_b]}]
                extra: {owner: team-a}
              shop:
                type: group
                members: [api, db]
            """;

    private Fixtures() {
    }

    static Topology topology(String yaml) {
        return new TopologyLoader(Map.of()).parse(yaml, java.nio.file.Path.of("topology.yaml")).orThrow();
    }

    static EntityStatus status(String name, Status status, String error, List<String> rootCause) {
        return new EntityStatus(name, status, NOW, NOW, 10, 2, 1, 10 / 12.0, Duration.ofMillis(42), error, false,
                rootCause, rootCause, Map.of());
    }

    /** Every entity {@code up}, except the given ones. */
    static StatusSnapshot snapshot(Topology topology, EntityStatus... overrides) {
        var statuses = new HashMap<String, EntityStatus>();
        topology.entities().keySet().forEach(name -> statuses.put(name, status(name, Status.UP, null, List.of())));
        for (var override : overrides) {
            statuses.put(override.name(), override);
        }
        return StatusSnapshot.of(1, NOW, statuses);
    }
}
