package dev.topowatch.topology.graph;

import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.GroupCheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Turns entities into the graph's dense, name-ordered indices. */
final class GraphBuilder {

    private GraphBuilder() {
    }

    static DependencyGraph build(Collection<Entity> entities) {
        var byName = new TreeMap<String, Entity>();
        for (var entity : entities) {
            Objects.requireNonNull(entity, "entity");
            if (byName.put(entity.name(), entity) != null) {
                // Two entities behind one name would make every answer about that name ambiguous.
                throw new IllegalArgumentException("two entities are named '" + entity.name() + "'");
            }
        }
        var names = byName.keySet().toArray(String[]::new);
        var indexOf = new HashMap<String, Integer>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            indexOf.put(names[i], i);
        }
        var needs = new Needs[names.length];
        var dependencies = new int[names.length][];
        int i = 0;
        for (var entity : byName.values()) {
            needs[i] = needsOf(entity, indexOf);
            dependencies[i] = IntStream.concat(
                            Arrays.stream(needs[i].requirements()).flatMapToInt(Arrays::stream),
                            Arrays.stream(needs[i].members()))
                    .distinct().sorted().toArray();
            i++;
        }
        return new DependencyGraph(names, indexOf, dependencies, reverse(dependencies), needs,
                StronglyConnectedComponents.of(dependencies));
    }

    private static Needs needsOf(Entity entity, Map<String, Integer> indexOf) {
        var requirements = new ArrayList<int[]>();
        for (Dependency requirement : entity.requirements()) {
            var known = known(requirement.names(), indexOf);
            // A requirement on names that are not entities is validation's to report, not ours to judge.
            if (known.length > 0) {
                requirements.add(known);
            }
        }
        if (entity.check() instanceof GroupCheck group) {
            return new Needs(requirements.toArray(int[][]::new), known(group.members(), indexOf), group.rule());
        }
        return new Needs(requirements.toArray(int[][]::new), new int[0], null);
    }

    private static int[] known(List<String> names, Map<String, Integer> indexOf) {
        return names.stream().map(indexOf::get).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    private static int[][] reverse(int[][] successors) {
        var counts = new int[successors.length];
        for (var targets : successors) {
            for (int target : targets) {
                counts[target]++;
            }
        }
        var predecessors = new int[successors.length][];
        for (int v = 0; v < successors.length; v++) {
            predecessors[v] = new int[counts[v]];
            counts[v] = 0;
        }
        // Sources are visited in ascending order, so every predecessor list comes out sorted.
        for (int source = 0; source < successors.length; source++) {
            for (int target : successors[source]) {
                predecessors[target][counts[target]++] = source;
            }
        }
        return predecessors;
    }
}
