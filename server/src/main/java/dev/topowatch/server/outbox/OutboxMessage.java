package dev.topowatch.server.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert waiting in the outbox for one channel. The store does not read {@code body}: the alerts
 * package writes it and reads it back.
 *
 * @param id          assigned by the store; 0 before it is stored
 * @param channel     which channel delivers it, e.g. {@code telegram:-100123} or {@code webhook:0}
 * @param kind        what it says (down, recovered, ...), so that the store can tell what was announced
 * @param entity      the entity it is about; may be null (an invalid topology file)
 * @param attempts    failed deliveries so far
 * @param nextAttempt not to be tried before this
 * @param lastError   why the last attempt failed; null before any failed
 */
public record OutboxMessage(long id, String channel, String kind, String entity, Instant createdAt, String body, int attempts,
                            Instant nextAttempt, String lastError) {

    public OutboxMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
    }

    /** A new message, to be tried at once. */
    public static OutboxMessage of(String channel, String kind, String entity, Instant at, String body) {
        return new OutboxMessage(0, channel, kind, entity, at, body, 0, at, null);
    }
}
