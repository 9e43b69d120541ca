package dev.topowatch.topology.graph;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Topology;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who needs whom in a topology. An entity needs its server, its {@code depends_on} entries (an
 * {@code any_of} as a redundant set) and, for a group, its members. Names that are not entities are
 * left out, since validation reports them; cycles are tolerated, since validation uses this graph to
 * find them. Immutable; every answer is sorted by name.
 */
public final class DependencyGraph {
    private final String[] names;
    private final Map<String, Integer> indexOf;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final Needs[] needs;
    private final StronglyConnectedComponents components;

    DependencyGraph(String[] names, Map<String, Integer> indexOf, int[][] dependencies, int[][] dependents,
                    Needs[] needs, StronglyConnectedComponents components) {
        this.names = names;
        this.indexOf = indexOf;
        this.dependencies = dependencies;
        this.dependents = dependents;
        this.needs = needs;
        this.components = components;
    }

    /** @throws IllegalArgumentException when two entities share a name */
    public static DependencyGraph of(Collection<Entity> entities) {
        return GraphBuilder.build(entities);
    }

    public static DependencyGraph of(Topology topology) {
        return of(topology.entities().values());
    }

    /** Every entity's name. */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(names)));
    }

    /**
     * One cycle per strongly connected component that holds one: the shortest through its smallest
     * name, written from that name round to it again ({@code [api, worker, queue, api]}: api needs
     * worker, which needs queue, which needs api). A self-dependency is {@code [a, a]}. Sorted.
     */
    public List<List<String>> cycles() {
        return CycleFinder.find(names, dependencies, components);
    }

    /** What {@code name} needs directly: server, dependencies, any_of members, group members. */
    public SortedSet<String> dependencies(String name) {
        return named(neighbours(name, dependencies));
    }

    /** What needs {@code name} directly. */
    public SortedSet<String> dependents(String name) {
        return named(neighbours(name, dependents));
    }

    /** Everything that could be affected if {@code name} goes down: its dependents, transitively, not itself. */
    public SortedSet<String> blastRadius(String name) {
        var start = indexOf.get(name);
        if (start == null) {
            return Collections.emptySortedSet();
        }
        var reached = new boolean[names.length];
        var queue = new ArrayDeque<Integer>();
        queue.add(start);
        reached[start] = true;
        while (!queue.isEmpty()) {
            for (int dependent : dependents[queue.poll()]) {
                if (!reached[dependent]) {
                    reached[dependent] = true;
                    queue.add(dependent);
                }
            }
        }
        // Reached again through a cycle or not, an entity is not its own casualty.
        reached[start] = false;
        var affected = new TreeSet<String>();
        for (int vertex = 0; vertex < names.length; vertex++) {
            if (reached[vertex]) {
                affected.add(names[vertex]);
            }
        }
        return Collections.unmodifiableSortedSet(affected);
    }

    /**
     * Classifies every entity, given those whose own check is failing (after thresholds). Names that
     * are not entities, and groups (whose status is derived), are ignored in {@code failing}. An entity
     * on a cycle is judged only by what lies outside its cycle, so a failing one is a root unless
     * something outside explains it; this never throws and never loops.
     */
    public ImpactReport classify(Set<String> failing) {
        Objects.requireNonNull(failing, "failing");
        return Classifier.classify(names, indexOf, needs, components, failing);
    }

    /**
     * The report after the entities in {@code changed} started or stopped failing, derived from
     * {@code previous} (a report of this graph): only they and the dependents that come out different
     * are judged. Answers as {@link #classify} would on {@code failing}; falls back to it when
     * {@code previous} is of another graph.
     *
     * @param failing every entity whose own check is failing now, {@code changed} ones included
     */
    public Reclassification reclassify(ImpactReport previous, Set<String> failing, Collection<String> changed) {
        Objects.requireNonNull(failing, "failing");
        Objects.requireNonNull(changed, "changed");
        if (!previous.covers(names)) {
            var report = classify(failing);
            var different = new TreeSet<String>();
            report.all().forEach((name, impact) -> different.add(name));
            return new Reclassification(report, different, names.length);
        }
        return Classifier.reclassify(names, indexOf, needs, dependents, components, previous, failing, changed);
    }

    private int[] neighbours(String name, int[][] adjacency) {
        var index = indexOf.get(name);
        return index == null ? new int[0] : adjacency[index];
    }

    private SortedSet<String> named(int[] vertices) {
        var result = new TreeSet<String>();
        for (int vertex : vertices) {
            result.add(names[vertex]);
        }
        return Collections.unmodifiableSortedSet(result);
    }
}
