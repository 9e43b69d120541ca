package dev.topowatch.topology.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

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
    private final IntPredicate failing;
    private final Impact[] impacts;

    private Classifier(String[] names, Needs[] needs, StronglyConnectedComponents components, IntPredicate failing,
                       Impact[] impacts) {
        this.names = names;
        this.needs = needs;
        this.components = components;
        this.failing = failing;
        this.impacts = impacts;
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
        var classifier = new Classifier(names, needs, components, vertex -> failing[vertex], new Impact[names.length]);
        for (int component = 0; component < components.count(); component++) {
            for (int vertex : components.members(component)) {
                classifier.impacts[vertex] = classifier.judge(vertex);
            }
        }
        return new ImpactReport(names, indexOf, classifier.impacts);
    }

    /**
     * The report after the entities in {@code changed} started or stopped failing, from the one before:
     * only they are judged, then the dependents of whatever came out different, component by component
     * in dependency order, so the work is what the change reaches and stops where nothing changes.
     */
    static Reclassification reclassify(String[] names, Map<String, Integer> indexOf, Needs[] needs, int[][] dependents,
                                       StronglyConnectedComponents components, ImpactReport previous,
                                       Set<String> failingNames, Collection<String> changed) {
        var impacts = previous.impacts().clone();
        IntPredicate failing = vertex -> !needs[vertex].isGroup() && failingNames.contains(names[vertex]);
        var classifier = new Classifier(names, needs, components, failing, impacts);
        var queued = new boolean[components.count()];
        var pending = new PriorityQueue<Integer>();
        for (var name : changed) {
            var vertex = indexOf.get(name);
            if (vertex != null && !queued[components.componentOf(vertex)]) {
                queued[components.componentOf(vertex)] = true;
                pending.add(components.componentOf(vertex));
            }
        }
        var different = new TreeSet<String>();
        int judged = 0;
        while (!pending.isEmpty()) {
            int component = pending.poll();
            queued[component] = false;
            for (int vertex : components.members(component)) {
                var impact = classifier.judge(vertex);
                judged++;
                if (impact.equals(impacts[vertex])) {
                    continue;
                }
                impacts[vertex] = impact;
                different.add(names[vertex]);
                for (int dependent : dependents[vertex]) {
                    int next = components.componentOf(dependent);
                    // A dependent's component comes later in dependency order, or is this one (a cycle).
                    if (next != component && !queued[next]) {
                        queued[next] = true;
                        pending.add(next);
                    }
                }
            }
        }
        return new Reclassification(new ImpactReport(names, indexOf, impacts), different, judged);
    }

    private Impact judge(int vertex) {
        var need = needs[vertex];
        if (!need.isGroup() && !failing.test(vertex)) {
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
