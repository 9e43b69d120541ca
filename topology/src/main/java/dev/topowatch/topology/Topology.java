package dev.topowatch.topology;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A loaded, validated topology. Immutable: a reload builds a new one.
 *
 * @param source   the file it was loaded from
 * @param entities      by name, sorted, so that everything derived from it is deterministic
 * @param include       the {@code include:} entries as written (files and globs, relative to {@code source}),
 *                      so that a running board can watch them
 * @param projectAlerts the {@code alerts:} of included project files, by project: where that project's
 *                      messages go besides the top-level channels
 */
public record Topology(Path source, Board board, Defaults defaults, Alerts alerts, SortedMap<String, Entity> entities,
                       List<String> include, SortedMap<String, Alerts> projectAlerts) {

    public Topology {
        entities = Collections.unmodifiableSortedMap(new TreeMap<>(entities));
        include = List.copyOf(include);
        projectAlerts = Collections.unmodifiableSortedMap(new TreeMap<>(projectAlerts));
    }

    /** Every project named by an entity, sorted. */
    public SortedSet<String> projects() {
        var projects = new TreeSet<String>();
        entities.values().forEach(entity -> {
            if (entity.project() != null) {
                projects.add(entity.project());
            }
        });
        return Collections.unmodifiableSortedSet(projects);
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
