package dev.topowatch.topology;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The status of every entity at one moment, immutable, so that the diagram and the HTTP API can read
 * it from any thread while the status engine builds the next one.
 *
 * @param version  grows with every change, so that readers can tell whether anything changed
 * @param entities by name, iterated in name order; looked up by hashing, since a render of a large
 *                 board looks up every entity several times
 */
public record StatusSnapshot(long version, Instant at, Map<String, EntityStatus> entities) {

    public StatusSnapshot {
        Objects.requireNonNull(at, "at");
        var sorted = entities instanceof SortedMap<String, EntityStatus> alreadySorted ? alreadySorted : new TreeMap<>(entities);
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** Every entity of {@code topology} unknown: what the board shows before the first check. */
    public static StatusSnapshot allUnknown(Topology topology, Instant at) {
        var entities = new TreeMap<String, EntityStatus>();
        topology.entities().keySet().forEach(name -> entities.put(name, EntityStatus.unknown(name)));
        return new StatusSnapshot(0, at, entities);
    }

    /** The entity's status; {@code unknown} for a name this snapshot does not hold (e.g. just added). */
    public EntityStatus of(String name) {
        var status = entities.get(name);
        return status == null ? EntityStatus.unknown(name) : status;
    }

    public static StatusSnapshot of(long version, Instant at, Map<String, EntityStatus> entities) {
        return new StatusSnapshot(version, at, entities);
    }
}
