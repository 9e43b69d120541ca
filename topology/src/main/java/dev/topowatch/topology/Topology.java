package dev.topowatch.topology;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A loaded, validated topology. Immutable: a reload builds a new one.
 *
 * @param source   the file it was loaded from
 * @param entities by name, sorted, so that everything derived from it is deterministic
 */
public record Topology(Path source, Board board, Defaults defaults, Alerts alerts, SortedMap<String, Entity> entities) {

    public Topology {
        entities = Collections.unmodifiableSortedMap(new TreeMap<>(entities));
    }

    public Optional<Entity> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    /** Entities per type, in type order, for summaries. */
    public Map<EntityType, Long> countByType() {
        var counts = new java.util.EnumMap<EntityType, Long>(EntityType.class);
        entities.values().forEach(entity -> counts.merge(entity.type(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }
}
