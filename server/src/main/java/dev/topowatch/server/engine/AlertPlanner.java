package dev.topowatch.server.engine;

import dev.topowatch.server.outbox.OutboxMessage;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.graph.ImpactReport;

import java.time.Instant;
import java.util.List;

/**
 * Decides which alerts a change causes. Called under the engine's lock with every transition, so
 * that the alerts' outbox rows are written in the same transaction as the transition: it must only
 * decide, never send.
 */
public interface AlertPlanner {
    AlertPlanner NONE = new AlertPlanner() {
        @Override
        public List<OutboxMessage> onTransition(Transition transition, Entity entity, EntityState state, ImpactReport impact) {
            return List.of();
        }

        @Override
        public List<OutboxMessage> onFlapping(Entity entity, EntityState state, Instant at) {
            return List.of();
        }
    };

    List<OutboxMessage> onTransition(Transition transition, Entity entity, EntityState state, ImpactReport impact);

    /** The entity started or stopped flapping ({@code state.flapping()} says which). */
    List<OutboxMessage> onFlapping(Entity entity, EntityState state, Instant at);
}
