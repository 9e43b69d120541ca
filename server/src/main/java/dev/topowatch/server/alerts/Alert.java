package dev.topowatch.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing to tell people, as kept in the outbox.
 *
 * @param entity         null for {@link AlertKind#TOPOLOGY_INVALID} and {@link AlertKind#OPEN_PROBLEMS}
 * @param status         the entity's status when it happened (wire name)
 * @param previous       the status before (wire name); may be null
 * @param since          when the problem began (for a recovery: when the outage began)
 * @param error          the check's one-line error, or why; may be null
 * @param casualties     what the entity's outage blocks, when it was decided; brought up to date
 *                       before it is sent, and in the sent message while the outage lasts
 * @param outage         how long the outage lasted, for a recovery; null otherwise
 * @param peakCasualties for the recovery of a root: how many it blocked at most; 0 otherwise
 * @param errors         the topology file's errors, for {@link AlertKind#TOPOLOGY_INVALID}
 * @param problems       for {@link AlertKind#OPEN_PROBLEMS}: a down or degraded alert for each problem open
 */
public record Alert(AlertKind kind, String entity, String type, String status, String previous, Instant at, Instant since,
                    String error, List<String> casualties, Duration outage, int peakCasualties, List<String> errors,
                    List<Alert> problems) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        casualties = List.copyOf(casualties);
        errors = List.copyOf(errors);
        problems = List.copyOf(problems);
        if (peakCasualties < 0) {
            throw new IllegalArgumentException("peakCasualties cannot be negative");
        }
    }

    /** A problem that starts: down or degraded, with what it blocks. */
    public static Alert problem(AlertKind kind, String entity, String type, String previous, Instant at, String error,
                                List<String> casualties) {
        return new Alert(kind, entity, type, kind.wireName(), previous, at, at, error, casualties, null, 0, List.of(), List.of());
    }

    /** What is already open, told {@code at} to a channel that was not there when it began. */
    public static Alert openProblems(Instant at, List<Alert> problems) {
        return new Alert(AlertKind.OPEN_PROBLEMS, null, null, null, null, at, at, null, List.of(), null, 0, List.of(), problems);
    }

    public Alert withCasualties(List<String> now) {
        return new Alert(kind, entity, type, status, previous, at, since, error, now, outage, peakCasualties, errors, problems);
    }

    public Alert withProblems(List<Alert> now) {
        return new Alert(kind, entity, type, status, previous, at, since, error, casualties, outage, peakCasualties, errors, now);
    }
}
