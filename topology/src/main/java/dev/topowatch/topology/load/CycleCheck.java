package dev.topowatch.topology.load;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.graph.DependencyGraph;

import java.util.List;
import java.util.Map;

/** Reports dependency cycles, each named in order and pointed at the reference that starts it. */
final class CycleCheck {

    private CycleCheck() {
    }

    static void check(List<Reference> references, Map<String, Entity> entities, Problems problems) {
        for (var cycle : DependencyGraph.of(entities.values()).cycles()) {
            var from = cycle.get(0);
            var to = cycle.get(1);
            var start = references.stream()
                    .filter(reference -> reference.from().equals(from) && reference.target().equals(to))
                    .findFirst();
            var context = start.map(Reference::fromContext).orElse("entity " + Scalar.quote(from));
            problems.error(start.map(Reference::node).orElse(null), context + ": " + describe(cycle, entities));
        }
    }

    private static String describe(List<String> cycle, Map<String, Entity> entities) {
        if (cycle.size() == 2) {
            var entity = entities.get(cycle.get(0));
            return entity != null && entity.type() == EntityType.GROUP ? "the group contains itself" : "it depends on itself";
        }
        return "dependency cycle: " + String.join(" -> ", cycle);
    }
}
