package dev.topowatch.topology.graph;

import java.util.Arrays;
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
 *
 * <p>Held as one array in the graph's name order, so that a report derived from the previous one
 * ({@link DependencyGraph#reclassify}) costs a copy of that array and the entities it re-judges, not a
 * sorted map of the whole topology; the views by root and by name are built when first asked for.
 */
public final class ImpactReport {
    private final String[] names;
    private final Map<String, Integer> indexOf;
    private final Impact[] impacts;
    private volatile SortedSet<String> roots;
    private volatile Map<String, SortedSet<String>> casualtiesByRoot;
    private volatile SortedMap<String, Impact> byName;

    public ImpactReport(Map<String, Impact> impacts) {
        var sorted = new TreeMap<String, Impact>(impacts);
        this.names = sorted.keySet().toArray(String[]::new);
        this.indexOf = new HashMap<>(names.length * 2);
        this.impacts = sorted.values().toArray(Impact[]::new);
        for (int i = 0; i < names.length; i++) {
            indexOf.put(names[i], i);
        }
        sorted.forEach((name, impact) -> {
            Objects.requireNonNull(impact, name);
            for (var root : impact.rootCause()) {
                if (!sorted.containsKey(root) || sorted.get(root).state() != Impact.State.ROOT) {
                    throw new IllegalArgumentException("'" + name + "' names '" + root + "' as a root cause, which is not a root");
                }
            }
            for (var blocker : impact.blockedBy()) {
                if (!sorted.containsKey(blocker) || sorted.get(blocker).isAvailable()) {
                    throw new IllegalArgumentException("'" + name + "' is blocked by '" + blocker + "', which is not unavailable");
                }
            }
        });
    }

    /** From the classifier, whose reports are consistent by how they are made: no check, no copy. */
    ImpactReport(String[] names, Map<String, Integer> indexOf, Impact[] impacts) {
        this.names = names;
        this.indexOf = indexOf;
        this.impacts = impacts;
    }

    /**
     * @throws IllegalArgumentException for a name the report does not hold: calling it "available"
     *                                  would hide a caller that mixed up two versions of the topology
     */
    public Impact impact(String name) {
        var index = indexOf.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no entity named '" + name + "' in this report");
        }
        return impacts[index];
    }

    /** The entities that are down on their own account: the ones to alert on. */
    public SortedSet<String> roots() {
        var known = roots;
        if (known == null) {
            var found = new TreeSet<String>();
            for (int i = 0; i < names.length; i++) {
                if (impacts[i].state() == Impact.State.ROOT) {
                    found.add(names[i]);
                }
            }
            known = Collections.unmodifiableSortedSet(found);
            roots = known;
        }
        return known;
    }

    /** Every entity whose root cause includes {@code root}; empty for anything that is not a root. */
    public SortedSet<String> casualtiesOf(String root) {
        var known = casualtiesByRoot;
        if (known == null) {
            var byRoot = new HashMap<String, SortedSet<String>>();
            for (int i = 0; i < names.length; i++) {
                for (var cause : impacts[i].rootCause()) {
                    byRoot.computeIfAbsent(cause, unused -> new TreeSet<>()).add(names[i]);
                }
            }
            byRoot.replaceAll((name, casualties) -> Collections.unmodifiableSortedSet(casualties));
            known = Map.copyOf(byRoot);
            casualtiesByRoot = known;
        }
        return known.getOrDefault(root, Collections.emptySortedSet());
    }

    /** Every entity's impact, by name. */
    public SortedMap<String, Impact> all() {
        var known = byName;
        if (known == null) {
            var sorted = new TreeMap<String, Impact>();
            for (int i = 0; i < names.length; i++) {
                sorted.put(names[i], impacts[i]);
            }
            known = Collections.unmodifiableSortedMap(sorted);
            byName = known;
        }
        return known;
    }

    /** The impacts in the graph's name order, for the classifier to derive the next report from. */
    Impact[] impacts() {
        return impacts;
    }

    /** Whether this report was made over these names: only then can the next one be derived from it. */
    boolean covers(String[] graphNames) {
        return names == graphNames || Arrays.equals(names, graphNames);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImpactReport report && Arrays.equals(report.names, names) && Arrays.equals(report.impacts, impacts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(impacts);
    }

    @Override
    public String toString() {
        return "ImpactReport" + all();
    }
}
