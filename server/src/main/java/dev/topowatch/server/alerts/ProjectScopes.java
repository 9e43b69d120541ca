package dev.topowatch.server.alerts;

import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a project's own channels are told of: its entities, and everything they depend on, however
 * far down. So a team hears when its API goes down, and when the shared database under it does
 * (the root that explains its outage), and then of the recovery of the same root: the scope is
 * fixed by the topology, not by what happens to be blocked, so a recovery goes where its down went,
 * across restarts too.
 */
final class ProjectScopes {

    private ProjectScopes() {
    }

    /** The scope of every project that has channels of its own, by project. */
    static Map<String, Set<String>> of(Topology topology) {
        var scopes = new TreeMap<String, Set<String>>();
        if (topology.projectAlerts().isEmpty()) {
            return scopes;
        }
        var graph = DependencyGraph.of(topology);
        for (var project : topology.projectAlerts().keySet()) {
            var scope = new HashSet<String>();
            var next = new ArrayDeque<String>();
            topology.entities().values().stream().filter(entity -> project.equals(entity.project()))
                    .forEach(entity -> next.add(entity.name()));
            while (!next.isEmpty()) {
                var name = next.poll();
                if (scope.add(name)) {
                    next.addAll(graph.dependencies(name));
                }
            }
            scopes.put(project, Set.copyOf(scope));
        }
        return scopes;
    }
}
