package dev.topowatch.topology.graph;

import dev.topowatch.topology.GroupRule;

/**
 * What one entity needs to be available, as indices into the graph's sorted names, with every name
 * that is not an entity already left out.
 *
 * @param requirements one array per requirement (server, then {@code depends_on}); a requirement is
 *                     met when any of its alternatives is available, so a plain dependency is an
 *                     array of one and an {@code any_of} an array of several
 * @param members      a group's distinct members; empty for anything that is not a group
 * @param rule         a group's rule, or null for an entity with a probe of its own
 */
record Needs(int[][] requirements, int[] members, GroupRule rule) {

    boolean isGroup() {
        return rule != null;
    }
}
