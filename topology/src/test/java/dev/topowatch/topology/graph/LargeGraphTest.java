package dev.topowatch.topology.graph;

import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Chains as long as the topology is large must not overflow the stack: every walk here is iterative. */
class LargeGraphTest {
    private static final int SIZE = 10_000;

    private static String name(int index) {
        return "e%05d".formatted(index);
    }

    /** e00000 needs e00001, ... e09998 needs e09999: the longest chain there can be. */
    private static List<Entity> chain() {
        var entities = new ArrayList<Entity>(SIZE);
        for (int i = 0; i < SIZE - 1; i++) {
            entities.add(service(name(i), on(name(i + 1))));
        }
        entities.add(service(name(SIZE - 1)));
        return entities;
    }

    @Test
    void chain_of_ten_thousand_failing_entities_names_the_last_as_the_only_root() {
        var graph = DependencyGraph.of(chain());
        var everything = new HashSet<String>();
        for (int i = 0; i < SIZE; i++) {
            everything.add(name(i));
        }

        var report = graph.classify(everything);

        assertThat(graph.cycles()).isEmpty();
        assertThat(report.roots()).containsExactly(name(SIZE - 1));
        assertThat(report.casualtiesOf(name(SIZE - 1))).hasSize(SIZE - 1);
        assertThat(report.impact(name(0))).isEqualTo(Impact.casualty(List.of(name(SIZE - 1)), List.of(name(1))));
        assertThat(graph.blastRadius(name(SIZE - 1))).hasSize(SIZE - 1).doesNotContain(name(SIZE - 1));
    }

    @Test
    void chain_closed_into_a_ring_is_one_cycle_through_every_entity() {
        var entities = chain();
        entities.set(SIZE - 1, service(name(SIZE - 1), on(name(0))));
        var graph = DependencyGraph.of(entities);

        var cycles = graph.cycles();
        var report = graph.classify(failing(name(0), name(SIZE - 1)));

        assertThat(cycles).hasSize(1);
        assertThat(cycles.getFirst()).hasSize(SIZE + 1).startsWith(name(0), name(1)).endsWith(name(SIZE - 1), name(0));
        assertThat(report.roots()).containsExactly(name(0), name(SIZE - 1));
    }

    @Test
    void tree_of_ten_thousand_under_groups_classifies_every_entity() {
        // A binary tree: e(i) needs e(2i+1) and e(2i+2); every tenth entity is a group over its children.
        var entities = new ArrayList<Entity>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            var children = new ArrayList<String>();
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < SIZE; child++) {
                children.add(name(child));
            }
            if (i % 10 == 0 && !children.isEmpty()) {
                entities.add(group(name(i), GroupRule.any(), children.toArray(String[]::new)));
            } else {
                entities.add(service(name(i), children.stream().map(Entities::on).toArray(Dependency[]::new)));
            }
        }
        var graph = DependencyGraph.of(entities);
        var allServices = new HashSet<String>();
        for (int i = 0; i < SIZE; i++) {
            allServices.add(name(i));
        }

        var report = graph.classify(allServices);

        assertThat(graph.cycles()).isEmpty();
        assertThat(report.all()).hasSize(SIZE);
        assertThat(report.impact(name(0)).state()).isEqualTo(Impact.State.CASUALTY);
        assertThat(report.roots()).allSatisfy(root -> assertThat(graph.dependencies(root)).isEmpty());
        assertThat(graph.blastRadius(name(SIZE - 1))).contains(name(0));
    }
}
