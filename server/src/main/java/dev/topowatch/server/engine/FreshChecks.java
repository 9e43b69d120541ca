package dev.topowatch.server.engine;

import java.util.Set;

/**
 * Asks for checks that start now, for entities whose last results say nothing of themselves: the
 * casualties of a root that just recovered, whose failures were taken while it was down. Called with
 * the engine's lock held: implementations start the checks and return at once.
 */
@FunctionalInterface
public interface FreshChecks {
    FreshChecks NONE = entities -> {
    };

    void request(Set<String> entities);
}
