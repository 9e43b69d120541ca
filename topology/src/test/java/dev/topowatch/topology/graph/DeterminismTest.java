package dev.topowatch.topology.graph;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.topowatch.topology.graph.Entities.anyOf;
import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.hosted;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.server;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    private static final List<Entity> ENTITIES = List.of(
            server("vps-1"), server("vps-2"),
            hosted("api", "vps-1", on("db"), anyOf("cache-b", "cache-a")),
            hosted("db", "vps-2"), service("cache-a"), hosted("cache-b", "vps-1"),
            hosted("worker", "vps-1", on("queue")), service("queue", on("worker")),
            group("shop", GroupRule.quorum(2, 3), "web-3", "web-1", "web-2"),
            service("web-1", on("api")), service("web-2", on("api")), service("web-3"),
            service("loop", on("loop")));

    @Test
    void same_result_whatever_order_the_entities_come_in() {
        var expected = DependencyGraph.of(ENTITIES);
        var failing = failing("vps-1", "api", "web-1", "web-2", "worker", "queue", "loop", "cache-a");
        var random = new Random(20261103);
        for (int round = 0; round < 20; round++) {
            var shuffled = new ArrayList<>(ENTITIES);
            Collections.shuffle(shuffled, random);

            var graph = DependencyGraph.of(shuffled);

            assertThat(graph.cycles()).isEqualTo(expected.cycles());
            assertThat(graph.classify(failing)).isEqualTo(expected.classify(failing));
            for (var entity : ENTITIES) {
                assertThat(graph.dependencies(entity.name())).isEqualTo(expected.dependencies(entity.name()));
                assertThat(graph.blastRadius(entity.name())).isEqualTo(expected.blastRadius(entity.name()));
            }
        }
    }

    @Test
    void report_and_answers_come_in_name_order() {
        var graph = DependencyGraph.of(ENTITIES);
        var report = graph.classify(failing("vps-1", "api", "web-1", "web-2"));

        assertThat(List.copyOf(report.all().keySet())).isSorted().hasSize(ENTITIES.size());
        assertThat(report.impact("shop").blockedBy()).containsExactly("web-1", "web-2");
        assertThat(report.impact("shop").rootCause()).containsExactly("vps-1");
        assertThat(graph.cycles()).containsExactly(List.of("loop", "loop"), List.of("queue", "worker", "queue"));
    }
}
