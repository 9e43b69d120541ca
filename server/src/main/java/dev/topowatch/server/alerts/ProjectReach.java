package dev.topowatch.server.alerts;

import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The projects an entity's outage concerns: its own, and those of everything that needs it,
 * directly or not. A database in no project that the shop's api depends on concerns the shop team:
 * when it goes down, the message naming it as the root is theirs too, though none of their own
 * entities is the root. The graph is built on the first question, which only a project's own
 * channels ask.
 */
final class ProjectReach {
    private final Topology topology;
    private DependencyGraph graph;

    ProjectReach(Topology topology) {
        this.topology = Objects.requireNonNull(topology, "topology");
    }

    /** The projects concerned by {@code entity}'s outage; empty for an entity no longer in the topology. */
    synchronized Set<String> of(String entity) {
        var projects = new TreeSet<String>();
        if (topology.entity(entity).isEmpty()) {
            return projects;
        }
        if (graph == null) {
            graph = DependencyGraph.of(topology);
        }
        add(entity, projects);
        graph.blastRadius(entity).forEach(dependent -> add(dependent, projects));
        return projects;
    }

    private void add(String entity, Set<String> projects) {
        topology.entity(entity).map(found -> found.project()).ifPresent(projects::add);
    }
}
