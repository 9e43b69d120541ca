package dev.topowatch.server.api;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group has no probe of its own: its JSON lists its {@code members}, and its counters are those of
 * its members' checks summed, a member group's through its own members (its success ratio is the
 * share of their charged checks that passed; its last check is their latest), so that a business
 * service reads like any entity.
 */
final class GroupJson {

    private GroupJson() {
    }

    /** Fills in {@code json} of {@code entity} when it is a group; leaves any other entity as it is. */
    static void complete(Map<String, Object> json, Entity entity, Topology topology, StatusSnapshot snapshot) {
        if (!(entity.check() instanceof GroupCheck group)) {
            return;
        }
        var checked = checked(entity, topology);
        long success = 0;
        long failures = 0;
        long blocked = 0;
        for (var member : checked) {
            var status = snapshot.of(member);
            success += status.successCount();
            failures += status.failCount();
            blocked += status.blockedCount();
        }
        json.put("lastcheck", EntityJson.timestamp(checked.stream().map(member -> snapshot.of(member).lastCheck())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null)));
        json.put("success_count", success);
        json.put("fail_count", failures);
        json.put("success_ratio", success + failures == 0 ? null
                : BigDecimal.valueOf((double) success / (success + failures)).setScale(4, RoundingMode.HALF_EVEN));
        json.put("blocked_count", blocked);
        json.put("members", group.members());
    }

    /** The entities whose checks tell of {@code entity}: itself, or a group's members, member groups opened. */
    static Set<String> checked(Entity entity, Topology topology) {
        var checked = new TreeSet<String>();
        var open = new ArrayDeque<Entity>(List.of(entity));
        var seen = new HashSet<String>();
        while (!open.isEmpty()) {
            var next = open.pop();
            if (!seen.add(next.name())) {
                continue;
            }
            if (next.check() instanceof GroupCheck group) {
                group.members().forEach(member -> topology.entity(member).ifPresent(open::push));
            } else {
                checked.add(next.name());
            }
        }
        return checked;
    }
}
