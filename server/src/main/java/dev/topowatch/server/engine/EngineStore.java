package dev.topowatch.server.engine;

import dev.topowatch.server.outbox.OutboxMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs of a store: its states back at start, and its checks, transitions and alerts
 * written in order. Declared here, in the engine's own words, so that the engine does not depend on
 * the store; {@code store.Store} extends it and persists these records.
 */
public interface EngineStore {

    /** The state of every entity, as last written, including removed ones still within retention. */
    Map<String, EntityState> loadStates();

    /** Queues one check: its raw result for history and the entity's state after it. */
    void recordCheck(RecordedCheck check, EntityState state);

    /**
     * Queues a transition with the alerts it causes: the transition, the state queued with it and the
     * alerts' outbox rows are written in one transaction, or none of them.
     */
    void recordTransition(Transition transition, EntityState state, List<OutboxMessage> alerts);

    default void recordTransition(Transition transition, EntityState state) {
        recordTransition(transition, state, List.of());
    }

    /** Queues alerts that no transition carries: flapping, an invalid topology file. */
    void recordAlerts(List<OutboxMessage> alerts);

    /** Queues: the entity left the topology at {@code at}; its history is kept until retention expires. */
    void markRemoved(String entity, Instant at);
}
