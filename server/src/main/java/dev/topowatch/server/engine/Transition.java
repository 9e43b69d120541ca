package dev.topowatch.server.engine;

import dev.topowatch.topology.Status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change of an entity's status, kept in the event log.
 *
 * @param id     assigned by the store; 0 before it is stored
 * @param reason one human line: the check's error, "recovered", "maintenance started", ...
 */
public record Transition(long id, String entity, Status from, Status to, Instant at, String reason,
                         List<String> rootCause) {

    public Transition {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        rootCause = List.copyOf(rootCause);
    }
}
