package dev.topowatch.diagram.svg;

import dev.topowatch.topology.Status;

import java.util.List;

/** Which status outweighs which when many entities are summed up in one colour. */
public final class Severity {
    /** Most serious first: an outage, its casualties, a soft failure, planned work, not yet known, fine. */
    public static final List<Status> ORDER = List.of(Status.DOWN, Status.BLOCKED, Status.DEGRADED, Status.MAINTENANCE,
            Status.UNKNOWN, Status.UP);

    private Severity() {
    }

    public static int rank(Status status) {
        return ORDER.indexOf(status);
    }
}
