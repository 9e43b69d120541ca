package dev.topowatch.diagram.svg;

import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The statuses one render reads: the snapshot, and what is derived from all of it at most once per
 * render (how many casualties each root has).
 */
public final class Statuses {
    private final StatusSnapshot snapshot;
    private Map<String, Integer> casualties;

    public Statuses(StatusSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public EntityStatus of(String name) {
        return snapshot.of(name);
    }

    /** How many entities name {@code root} in their root cause. */
    public int casualties(String root) {
        if (casualties == null) {
            casualties = new HashMap<>();
            for (var status : snapshot.entities().values()) {
                for (var cause : status.rootCause()) {
                    casualties.merge(cause, 1, Integer::sum);
                }
            }
        }
        return casualties.getOrDefault(root, 0);
    }

    /** The most serious status among {@code names}: what a tile holding them is coloured by. */
    public Status worst(Collection<String> names) {
        var worst = Status.UP;
        for (var name : names) {
            var status = of(name).status();
            if (Severity.rank(status) < Severity.rank(worst)) {
                worst = status;
            }
        }
        return worst;
    }
}
