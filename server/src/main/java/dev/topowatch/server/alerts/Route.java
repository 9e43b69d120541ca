package dev.topowatch.server.alerts;

import java.util.Set;

/**
 * A channel and what it is told of: everything (a channel of the top-level {@code alerts:}), or the
 * entities of a project's scope (a channel of an included project file's {@code alerts:}).
 *
 * @param scope the entities whose alerts this channel gets; null for all of them
 */
record Route(Channel channel, Set<String> scope) {

    Route {
        scope = scope == null ? null : Set.copyOf(scope);
    }

    /** Whether an alert about {@code entity} goes to this channel; one about no entity (the file) goes everywhere. */
    boolean covers(String entity) {
        return scope == null || entity == null || scope.contains(entity);
    }

    /** One channel named by two sections (a chat both the board and a project alert to) is told what either scope covers. */
    Route join(Route other) {
        if (scope == null || other.scope == null) {
            return new Route(channel, null);
        }
        var both = new java.util.HashSet<>(scope);
        both.addAll(other.scope);
        return new Route(channel, both);
    }
}
