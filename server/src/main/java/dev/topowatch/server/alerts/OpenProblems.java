package dev.topowatch.server.alerts;

import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.ImpactReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems open now, as alerts for a summary: each announced root still down (with what it blocks
 * now) and each entity still degraded, leaving out those kept quiet (muted, {@code alerts: false},
 * in maintenance). Roots first, then the degraded, oldest first.
 */
record OpenProblems(AlertRules rules, StatusSnapshot snapshot, ImpactReport impact) {

    List<Alert> at(Topology topology, Instant now) {
        var problems = new ArrayList<Alert>();
        for (var problem : rules.openProblems().values()) {
            var entity = topology.entities().get(problem.entity());
            var status = snapshot.entities().get(problem.entity());
            if (entity == null || status == null || status.status() == Status.MAINTENANCE || rules.quiet(entity, now)) {
                continue;
            }
            var kind = problem.status() == Status.DOWN ? AlertKind.DOWN : AlertKind.DEGRADED;
            var casualties = kind == AlertKind.DOWN ? List.copyOf(impact.casualtiesOf(entity.name())) : List.<String>of();
            problems.add(new Alert(kind, entity.name(), entity.type().yamlName(), kind.wireName(), null, now, problem.since(),
                    status.lastError(), casualties, null, 0, List.of(), List.of()));
        }
        problems.sort(Comparator.comparing((Alert alert) -> alert.kind() != AlertKind.DOWN).thenComparing(Alert::since)
                .thenComparing(Alert::entity));
        return problems;
    }
}
