package dev.topowatch.diagram.overview;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Topology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project each entity is drawn in. An entity's own project, else its server's: what a team runs
 * on a shared server without naming a project stays with that server. A server that names no project
 * takes its entities' project when they all name the same one, so that a team's file need not repeat
 * it on the server.
 */
public final class Projects {
    private final Map<String, String> projects;

    private Projects(Map<String, String> projects) {
        this.projects = projects;
    }

    public static Projects of(Topology topology) {
        var servers = new HashMap<String, String>();
        var onServer = new HashMap<String, Set<String>>();
        for (var entity : topology.entities().values()) {
            if (entity.type() == EntityType.SERVER) {
                if (entity.project() != null) {
                    servers.put(entity.name(), entity.project());
                }
            } else if (entity.server() != null) {
                onServer.computeIfAbsent(entity.server(), ignored -> new HashSet<>()).add(entity.project());
            }
        }
        onServer.forEach((server, named) -> {
            // A HashSet holds null: entities that name no project count as one more kind.
            if (named.size() == 1 && !named.contains(null)) {
                servers.putIfAbsent(server, named.iterator().next());
            }
        });
        var projects = new HashMap<String, String>();
        for (var entity : topology.entities().values()) {
            var project = project(entity, servers);
            if (project != null) {
                projects.put(entity.name(), project);
            }
        }
        return new Projects(projects);
    }

    private static String project(Entity entity, Map<String, String> servers) {
        if (entity.type() == EntityType.SERVER) {
            return servers.get(entity.name());
        }
        return entity.project() != null ? entity.project() : entity.server() == null ? null : servers.get(entity.server());
    }

    /** The project {@code entity} is drawn in, or null. */
    public String of(String entity) {
        return projects.get(entity);
    }

    /** Every project named, sorted. */
    public List<String> names() {
        return new TreeSet<>(projects.values()).stream().toList();
    }

    /**
     * What a picture of one project shows: its entities, and what they depend on elsewhere (with
     * their servers), so that a dependency on another team's database stays visible.
     */
    public Set<String> shownWith(String project, Topology topology) {
        var shown = new TreeSet<String>();
        projects.forEach((entity, named) -> {
            if (named.equals(project)) {
                shown.add(entity);
            }
        });
        for (var name : List.copyOf(shown)) {
            var entity = topology.entities().get(name);
            for (var dependency : entity.dependsOn()) {
                for (var needed : dependency.names()) {
                    shown.add(needed);
                    topology.entity(needed).map(Entity::server).ifPresent(shown::add);
                }
            }
        }
        shown.retainAll(topology.entities().keySet());
        return shown;
    }
}
