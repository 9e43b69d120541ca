package dev.topowatch.server.engine;

import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.graph.ImpactReport;

import java.util.List;

/**
 * Told of every batch of status changes, in order, while the engine holds its lock: implementations
 * must hand the work over (a queue, an outbox) and return at once.
 */
@FunctionalInterface
public interface StatusListener {

    void onTransitions(List<Transition> transitions, ImpactReport impact, StatusSnapshot snapshot);
}
