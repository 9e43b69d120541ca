package dev.topowatch.topology.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The classification of every entity of a topology at one moment. Immutable, and consistent by
 * construction: every root cause it names is one of its roots, every blocker one of its unavailable
 * entities.
 */
public final class ImpactReport {
    private final SortedMap<String, Impact> impacts;
    private final SortedSet<String> roots;
    private final Map<String, SortedSet<String>> casualtiesByRoot;

    public ImpactReport(Map<String, Impact> impacts) {
        var sorted = new TreeMap<String, Impact>(impacts);
        var rootNames = new TreeSet<String>();
        var byRoot = new HashMap<String, SortedSet<String>>();
        sorted.forEach((name, impact) -> {
            Objects.requireNonNull(impact, name);
            if (impact.state() == Impact.State.ROOT) {
                rootNames.add(name);
            }
            for (var root : impact.rootCause()) {
                if (sorted.containsKey(root) && sorted.get(root).state() == Impact.State.ROOT) {
                    byRoot.computeIfAbsent(root, unused -> new TreeSet<>()).add(name);
                } else {
                    throw new IllegalArgumentException("'" + name + "' names '" + root + "' as a root cause, which is not a root");
                }
            }
            for (var blocker : impact.blockedBy()) {
                if (!sorted.containsKey(blocker) || sorted.get(blocker).isAvailable()) {
                    throw new IllegalArgumentException("'" + name + "' is blocked by '" + blocker + "', which is not unavailable");
                }
            }
        });
        byRoot.replaceAll((root, casualties) -> Collections.unmodifiableSortedSet(casualties));
        this.impacts = Collections.unmodifiableSortedMap(sorted);
        this.roots = Collections.unmodifiableSortedSet(rootNames);
        this.casualtiesByRoot = Map.copyOf(byRoot);
    }

    /**
     * @throws IllegalArgumentException for a name the report does not hold: calling it "available"
     *                                  would hide a caller that mixed up two versions of the topology
     */
    public Impact impact(String name) {
        var impact = impacts.get(name);
        if (impact == null) {
            throw new IllegalArgumentException("no entity named '" + name + "' in this report");
        }
        return impact;
    }

    /** The entities that are down on their own account: the ones to alert on. */
    public SortedSet<String> roots() {
        return roots;
    }

    /** Every entity whose root cause includes {@code root}; empty for anything that is not a root. */
    public SortedSet<String> casualtiesOf(String root) {
        return casualtiesByRoot.getOrDefault(root, Collections.emptySortedSet());
    }

    /** Every entity's impact, by name. */
    public SortedMap<String, Impact> all() {
        return impacts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImpactReport report && report.impacts.equals(impacts);
    }

    @Override
    public int hashCode() {
        return impacts.hashCode();
    }

    @Override
    public String toString() {
        return "ImpactReport" + impacts;
    }
}
