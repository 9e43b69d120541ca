package dev.topowatch.topology.graph;

import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Validation rejects cycles, but a report must still come out: entities on one are judged by what lies outside it. */
class CyclicClassificationTest {

    @Test
    void failing_entities_on_a_cycle_are_roots_when_nothing_outside_explains_them() {
        var graph = graph(service("a", on("b")), service("b", on("a")));

        var report = graph.classify(failing("a", "b"));

        assertThat(report.roots()).containsExactly("a", "b");
    }

    @Test
    void entity_on_a_cycle_is_a_casualty_of_a_root_outside_it() {
        var graph = graph(service("a", on("b"), on("db")), service("b", on("a")), service("db"));

        var report = graph.classify(failing("a", "b", "db"));

        assertThat(report.impact("a")).isEqualTo(Impact.casualty(List.of("db"), List.of("db")));
        assertThat(report.impact("b")).isEqualTo(Impact.root());
    }

    @Test
    void dependent_of_a_cycle_is_classified_after_it() {
        var graph = graph(service("top", on("a")), service("a", on("b")), service("b", on("a")));

        var report = graph.classify(failing("top", "a", "b"));

        assertThat(report.impact("top")).isEqualTo(Impact.casualty(List.of("a"), List.of("a")));
    }

    @Test
    void self_dependent_failing_entity_is_a_root() {
        var graph = graph(service("a", on("a")));

        assertThat(graph.classify(failing("a")).impact("a")).isEqualTo(Impact.root());
    }

    @Test
    void group_containing_itself_is_judged_by_its_other_members() {
        var graph = graph(group("g", GroupRule.all(), "g", "web"), service("web"));

        assertThat(graph.classify(failing()).impact("g")).isEqualTo(Impact.available());
        assertThat(graph.classify(failing("web")).impact("g"))
                .isEqualTo(Impact.casualty(List.of("web"), List.of("web")));
    }
}
