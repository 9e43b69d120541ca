package dev.topowatch.server.engine;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;
import dev.topowatch.topology.graph.ImpactReport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The status each entity shows, from the dependency graph's verdict and what its own checks say:
 * a root is down, a casualty blocked, a group derived from its members. Shared by the running
 * board and the one-shot {@code check} command, so both say the same thing about the same results.
 */
public final class StatusRules {
    private final Topology topology;
    private final ImpactReport impact;
    private final Function<String, Status> ownStatus;
    private final Map<String, Status> computed = new HashMap<>();

    /**
     * @param ownStatus for an available entity with a probe: {@code up}, {@code degraded} or
     *                  {@code unknown}, from its own checks
     */
    public StatusRules(Topology topology, ImpactReport impact, Function<String, Status> ownStatus) {
        this.topology = topology;
        this.impact = impact;
        this.ownStatus = ownStatus;
    }

    /** Memoised: a group reads its members' statuses, which may be groups too. */
    public Status statusOf(Entity entity) {
        var known = computed.get(entity.name());
        if (known != null) {
            return known;
        }
        var status = switch (impact.impact(entity.name()).state()) {
            case ROOT -> Status.DOWN;
            case CASUALTY -> Status.BLOCKED;
            case AVAILABLE -> entity.check() instanceof GroupCheck group ? groupStatus(group) : ownStatus.apply(entity.name());
        };
        computed.put(entity.name(), status);
        return status;
    }

    /** A group whose rule holds is up, or degraded when it holds with a member short: redundancy is gone. */
    private Status groupStatus(GroupCheck group) {
        var members = group.members().stream().map(member -> statusOf(topology.entities().get(member))).toList();
        if (members.stream().allMatch(status -> status == Status.UP)) {
            return Status.UP;
        }
        if (members.stream().allMatch(status -> status == Status.UNKNOWN)) {
            return Status.UNKNOWN;
        }
        return members.stream().anyMatch(status -> status != Status.UP && status != Status.UNKNOWN)
                ? Status.DEGRADED : Status.UP;
    }
}
