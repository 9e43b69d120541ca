package dev.topowatch.topology.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Names one cycle per cyclic strongly connected component: the shortest one through the component's
 * smallest name. Listing every elementary cycle can take exponential time; one per component is enough
 * to tell a person where to cut, and every component is found, so no cycle goes unmentioned.
 */
final class CycleFinder {
    private static final Comparator<List<String>> BY_NAMES = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    private CycleFinder() {
    }

    static List<List<String>> find(String[] names, int[][] successors, StronglyConnectedComponents components) {
        var cameFrom = new int[names.length];
        Arrays.fill(cameFrom, -1);
        var cycles = new ArrayList<List<String>>();
        for (int component = 0; component < components.count(); component++) {
            if (components.isCyclic(component)) {
                cycles.add(shortestThroughSmallest(component, names, successors, components, cameFrom));
            }
        }
        cycles.sort(BY_NAMES);
        return List.copyOf(cycles);
    }

    /**
     * Breadth-first from the smallest name, neighbours in name order, so the cycle is the same on every
     * run and already starts where a person reading sorted names would look for it.
     */
    private static List<String> shortestThroughSmallest(int component, String[] names, int[][] successors,
                                                        StronglyConnectedComponents components, int[] cameFrom) {
        int start = components.members(component)[0];
        var queue = new ArrayDeque<Integer>();
        var visited = new ArrayList<Integer>();
        cameFrom[start] = start;
        visited.add(start);
        queue.add(start);
        try {
            while (!queue.isEmpty()) {
                int vertex = queue.poll();
                for (int next : successors[vertex]) {
                    if (next == start) {
                        return path(start, vertex, names, cameFrom);
                    }
                    if (components.componentOf(next) == component && cameFrom[next] == -1) {
                        cameFrom[next] = vertex;
                        visited.add(next);
                        queue.add(next);
                    }
                }
            }
            throw new IllegalStateException("component of '" + names[start] + "' is cyclic but leads nowhere back");
        } finally {
            // The scratch array is shared between components so that the whole search stays linear.
            visited.forEach(vertex -> cameFrom[vertex] = -1);
        }
    }

    private static List<String> path(int start, int last, String[] names, int[] cameFrom) {
        var reversed = new ArrayList<String>();
        reversed.add(names[start]);
        for (int vertex = last; vertex != start; vertex = cameFrom[vertex]) {
            reversed.add(names[vertex]);
        }
        reversed.add(names[start]);
        return List.copyOf(reversed.reversed());
    }
}
