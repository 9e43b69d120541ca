package dev.topowatch.server.engine;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;

import java.util.TreeMap;

/** An entity's kept state as the board shows it: the ratio computed, captured values over the static extra. */
public final class StatusView {

    private StatusView() {
    }

    /** @param shown the status to show (maintenance included); the state's own when null */
    public static EntityStatus of(Entity entity, EntityState state, Status shown) {
        var extra = new TreeMap<String, String>();
        entity.extra().forEach((key, value) -> extra.put(key, value.toString()));
        extra.putAll(state.extra());
        long counted = state.successCount() + state.failCount();
        return new EntityStatus(entity.name(), shown == null ? state.status() : shown, state.since(), state.lastCheck(),
                state.successCount(), state.failCount(), state.blockedCount(),
                counted == 0 ? null : (double) state.successCount() / counted,
                state.latency(), state.lastError(), state.flapping(), state.rootCause(), state.blockedBy(), extra);
    }
}
