package dev.topowatch.topology.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for every entity, whether it is available, a root or a casualty, visiting components in
 * dependency order so that whatever an entity needs has been decided before it.
 *
 * <p>An entity on a cycle (validation rejects such topologies, but a report must still come out) is
 * judged only by what lies outside its cycle: a reference to a member of its own strongly connected
 * component neither blocks it nor holds it up. So a failing entity on a cycle is a root unless
 * something outside the cycle explains it, which costs at most an alert too many rather than hiding an
 * outage, and classification stays one pass with no fixed point to chase. For an acyclic graph every
 * component is a single entity with no such references, so the rule changes nothing there.
 */
final class Classifier {
    private final String[] names;
    private final Needs[] needs;
    private final StronglyConnectedComponents components;
    private final boolean[] failing;
    private final Impact[] impacts;

    private Classifier(String[] names, Needs[] needs, StronglyConnectedComponents components, boolean[] failing) {
        this.names = names;
        this.needs = needs;
        this.components = components;
        this.failing = failing;
        this.impacts = new Impact[names.length];
    }

    static ImpactReport classify(String[] names, Map<String, Integer> indexOf, Needs[] needs,
                                 StronglyConnectedComponents components, Set<String> failingNames) {
        var failing = new boolean[names.length];
        for (var name : failingNames) {
            var index = indexOf.get(name);
            // Groups have no probe: whatever a caller says about one is derived here instead.
            if (index != null && !needs[index].isGroup()) {
                failing[index] = true;
            }
        }
        var classifier = new Classifier(names, needs, components, failing);
        for (int component = 0; component < components.count(); component++) {
            for (int vertex : components.members(component)) {
                classifier.impacts[vertex] = classifier.judge(vertex);
            }
        }
        var byName = new HashMap<String, Impact>(names.length * 2);
        for (int vertex = 0; vertex < names.length; vertex++) {
            byName.put(names[vertex], classifier.impacts[vertex]);
        }
        return new ImpactReport(byName);
    }

    private Impact judge(int vertex) {
        var need = needs[vertex];
        if (!need.isGroup() && !failing[vertex]) {
            return Impact.available();
        }
        int home = components.componentOf(vertex);
        var blockers = new TreeSet<Integer>();
        boolean unmet = need.isGroup() && !ruleHolds(need, home, blockers);
        for (int[] alternatives : need.requirements()) {
            unmet |= requirementUnmet(alternatives, home, blockers);
        }
        if (!unmet) {
            return need.isGroup() ? Impact.available() : Impact.root();
        }
        return Impact.casualty(rootsBehind(blockers), blockers.stream().map(index -> names[index]).toList());
    }

    /** Adds the unavailable members to {@code blockers} only when they break the rule. */
    private boolean ruleHolds(Needs group, int home, Set<Integer> blockers) {
        int total = 0;
        var down = new ArrayList<Integer>();
        for (int member : group.members()) {
            if (components.componentOf(member) != home) {
                total++;
                if (!impacts[member].isAvailable()) {
                    down.add(member);
                }
            }
        }
        if (group.rule().isSatisfied(total - down.size(), total)) {
            return true;
        }
        blockers.addAll(down);
        return false;
    }

    private boolean requirementUnmet(int[] alternatives, int home, Set<Integer> blockers) {
        var considered = new ArrayList<Integer>(alternatives.length);
        for (int alternative : alternatives) {
            if (components.componentOf(alternative) != home) {
                if (impacts[alternative].isAvailable()) {
                    return false;
                }
                considered.add(alternative);
            }
        }
        blockers.addAll(considered);
        return !considered.isEmpty();
    }

    /** A root blocker stands for itself; a casualty passes on the roots behind it. */
    private List<String> rootsBehind(Set<Integer> blockers) {
        var roots = new TreeSet<String>();
        for (int blocker : blockers) {
            var impact = impacts[blocker];
            if (impact.state() == Impact.State.ROOT) {
                roots.add(names[blocker]);
            } else {
                roots.addAll(impact.rootCause());
            }
        }
        return List.copyOf(roots);
    }
}
