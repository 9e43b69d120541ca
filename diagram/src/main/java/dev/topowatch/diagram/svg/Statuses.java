package dev.topowatch.diagram.svg;

import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The statuses one render reads: the snapshot, and what is derived from all of it at most once per
 * render (how many casualties each root has).
 */
public final class Statuses {
    private final StatusSnapshot snapshot;
    private final Map<Collection<String>, Map<Status, Integer>> counts = new IdentityHashMap<>();
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

    /**
     * How many of {@code names} are in each status. Counted once per render for the same list (a tile's
     * colour, counts, bar and tooltip all ask), so a render reads each status once.
     */
    public Map<Status, Integer> count(Collection<String> names) {
        return counts.computeIfAbsent(names, ignored -> {
            var counted = new EnumMap<Status, Integer>(Status.class);
            for (var name : names) {
                counted.merge(of(name).status(), 1, Integer::sum);
            }
            return counted;
        });
    }

    /** The most serious status among {@code names}: what a tile holding them is coloured by. */
    public Status worst(Collection<String> names) {
        var counted = count(names);
        for (var status : Severity.ORDER) {
            if (counted.containsKey(status)) {
                return status;
            }
        }
        return Status.UP;
    }
}
