package dev.topowatch.server.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is in maintenance until when: the whole board, or single entities. An entity in maintenance
 * is still checked and counted, but shows {@code maintenance} and is never alerted on.
 */
final class MaintenanceWindows {
    /** Far enough to mean "until someone ends it". */
    static final Instant INDEFINITE = Instant.parse("9999-12-31T23:59:59Z");

    private final Map<String, Instant> entities = new HashMap<>();
    private Instant board;

    void startBoard(Instant until) {
        board = until;
    }

    void endBoard() {
        board = null;
    }

    void start(String entity, Instant until) {
        entities.put(entity, until);
    }

    void end(String entity) {
        entities.remove(entity);
    }

    /** Drops windows that have ended, once their end has been applied. */
    void forgetExpired(Instant now) {
        if (board != null && !now.isBefore(board)) {
            board = null;
        }
        entities.values().removeIf(until -> !now.isBefore(until));
    }

    /** Whether any window is open, or ended and not yet forgotten. */
    boolean anyWindow() {
        return board != null || !entities.isEmpty();
    }

    boolean covers(String entity, Instant now) {
        return isOpen(board, now) || isOpen(entities.get(entity), now);
    }

    Optional<Instant> boardUntil(Instant now) {
        return isOpen(board, now) ? Optional.of(board) : Optional.empty();
    }

    Map<String, Instant> entityWindows(Instant now) {
        var open = new HashMap<String, Instant>();
        entities.forEach((entity, until) -> {
            if (isOpen(until, now)) {
                open.put(entity, until);
            }
        });
        return open;
    }

    private static boolean isOpen(Instant until, Instant now) {
        return until != null && now.isBefore(until);
    }
}
