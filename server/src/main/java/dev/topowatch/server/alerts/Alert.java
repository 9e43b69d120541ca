package dev.topowatch.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing to tell people, as kept in the outbox.
 *
 * @param entity     null for {@link AlertKind#TOPOLOGY_INVALID}
 * @param status     the entity's status when it happened (wire name)
 * @param previous   the status before (wire name); may be null
 * @param since      when the problem began (for a recovery: when the outage began)
 * @param error      the check's one-line error, or why; may be null
 * @param casualties what the entity's outage blocks, when it was decided; the sender refreshes it
 * @param outage     how long the outage lasted, for a recovery; null otherwise
 * @param errors     the topology file's errors, for {@link AlertKind#TOPOLOGY_INVALID}
 */
public record Alert(AlertKind kind, String entity, String type, String status, String previous, Instant at, Instant since,
                    String error, List<String> casualties, Duration outage, List<String> errors) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        casualties = List.copyOf(casualties);
        errors = List.copyOf(errors);
    }

    public Alert withCasualties(List<String> now) {
        return new Alert(kind, entity, type, status, previous, at, since, error, now, outage, errors);
    }
}
