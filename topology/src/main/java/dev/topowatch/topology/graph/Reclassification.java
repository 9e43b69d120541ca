package dev.topowatch.topology.graph;

import java.util.Objects;
import java.util.SortedSet;

/**
 * What {@link DependencyGraph#reclassify} found.
 *
 * @param report  every entity's impact now
 * @param changed the entities whose impact differs from the report it started from
 * @param judged  how many entities it judged to find out: what the change reached, for the engine's
 *                work counters
 */
public record Reclassification(ImpactReport report, SortedSet<String> changed, int judged) {

    public Reclassification {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(changed, "changed");
    }
}
