package dev.topowatch.topology.graph;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The strongly connected components of the dependency graph (Tarjan), in dependency order: a component
 * comes after every component it depends on, which is the order classification needs.
 */
final class StronglyConnectedComponents {
    private final int[] componentOf;
    private final int[][] members;
    private final boolean[] cyclic;

    private StronglyConnectedComponents(int[] componentOf, int[][] members, boolean[] cyclic) {
        this.componentOf = componentOf;
        this.members = members;
        this.cyclic = cyclic;
    }

    /**
     * Tarjan's algorithm with an explicit call stack instead of recursion, since a chain of
     * dependencies can be as deep as the topology is large. Tarjan completes a component only after
     * every component reachable from it, and edges point from an entity to what it needs, so
     * components come out dependencies first.
     *
     * @param successors per vertex, the vertices it depends on, ascending
     */
    static StronglyConnectedComponents of(int[][] successors) {
        int count = successors.length;
        var discovered = new int[count];
        Arrays.fill(discovered, -1);
        var low = new int[count];
        var onStack = new boolean[count];
        var stack = new int[count];
        int stackSize = 0;
        var calls = new int[count];
        var nextEdge = new int[count];
        int depth = 0;
        int clock = 0;
        var componentOf = new int[count];
        var found = new ArrayList<int[]>();

        for (int start = 0; start < count; start++) {
            if (discovered[start] != -1) {
                continue;
            }
            discovered[start] = low[start] = clock++;
            stack[stackSize++] = start;
            onStack[start] = true;
            calls[depth++] = start;
            while (depth > 0) {
                int vertex = calls[depth - 1];
                if (nextEdge[vertex] < successors[vertex].length) {
                    int next = successors[vertex][nextEdge[vertex]++];
                    if (discovered[next] == -1) {
                        discovered[next] = low[next] = clock++;
                        stack[stackSize++] = next;
                        onStack[next] = true;
                        calls[depth++] = next;
                    } else if (onStack[next]) {
                        low[vertex] = Math.min(low[vertex], discovered[next]);
                    }
                    continue;
                }
                depth--;
                if (low[vertex] == discovered[vertex]) {
                    int bottom = stackSize;
                    do {
                        bottom--;
                        onStack[stack[bottom]] = false;
                    } while (stack[bottom] != vertex);
                    var component = Arrays.copyOfRange(stack, bottom, stackSize);
                    stackSize = bottom;
                    Arrays.sort(component);
                    for (int member : component) {
                        componentOf[member] = found.size();
                    }
                    found.add(component);
                }
                if (depth > 0) {
                    int caller = calls[depth - 1];
                    low[caller] = Math.min(low[caller], low[vertex]);
                }
            }
        }
        var members = found.toArray(int[][]::new);
        var cyclic = new boolean[members.length];
        for (int component = 0; component < members.length; component++) {
            int first = members[component][0];
            cyclic[component] = members[component].length > 1
                    || Arrays.binarySearch(successors[first], first) >= 0;
        }
        return new StronglyConnectedComponents(componentOf, members, cyclic);
    }

    int count() {
        return members.length;
    }

    /** The vertices of a component, ascending. */
    int[] members(int component) {
        return members[component];
    }

    int componentOf(int vertex) {
        return componentOf[vertex];
    }

    /** Whether the component holds a cycle: more than one vertex, or one that depends on itself. */
    boolean isCyclic(int component) {
        return cyclic[component];
    }
}
