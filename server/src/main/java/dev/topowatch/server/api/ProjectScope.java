package dev.topowatch.server.api;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Topology;

import java.util.function.Predicate;

/**
 * {@code ?project=}: the entities of one project. A project that no entity names is a 404 that lists
 * the known ones, so that a typo in a monitor's URL is an error, not an empty and healthy answer.
 */
final class ProjectScope {

    private ProjectScope() {
    }

    /** Every entity when {@code project} is null. */
    static Predicate<Entity> of(Topology topology, String project) {
        if (project == null) {
            return entity -> true;
        }
        var known = topology.projects();
        if (!known.contains(project)) {
            throw ApiError.notFound("no project named '" + project + "'"
                    + (known.isEmpty() ? " (no entity has a project)" : " (known: " + String.join(", ", known) + ")"));
        }
        return entity -> project.equals(entity.project());
    }
}
