package dev.topowatch.topology.graph;

import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.anyOf;
import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.hosted;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation reports undefined names; the graph leaves them out instead of failing on them. */
class UnknownNamesTest {

    @Test
    void references_to_undefined_names_are_left_out() {
        var graph = graph(hosted("api", "no-such-server", on("db-main"), anyOf("nope", "cache")), service("cache"));

        assertThat(graph.dependencies("api")).containsExactly("cache");
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void undefined_server_does_not_block_a_failing_entity() {
        var graph = graph(hosted("api", "no-such-server"));

        assertThat(graph.classify(failing("api")).impact("api")).isEqualTo(Impact.root());
    }

    @Test
    void any_of_with_an_undefined_member_depends_on_the_defined_one() {
        var graph = graph(service("api", anyOf("nope", "cache")), service("cache"));

        assertThat(graph.classify(failing("api", "cache")).impact("api"))
                .isEqualTo(Impact.casualty(List.of("cache"), List.of("cache")));
    }

    @Test
    void group_counts_only_defined_members() {
        var graph = graph(group("shop", GroupRule.all(), "web", "ghost"), service("web"));

        assertThat(graph.classify(failing()).impact("shop")).isEqualTo(Impact.available());
    }

    @Test
    void failing_names_that_are_not_entities_are_ignored() {
        var graph = graph(service("api"));

        var report = graph.classify(failing("ghost"));

        assertThat(report.all()).containsOnlyKeys("api");
        assertThat(report.roots()).isEmpty();
    }

    @Test
    void queries_about_undefined_names_are_empty() {
        var graph = graph(service("api", on("db")), service("db"));

        assertThat(graph.dependencies("ghost")).isEmpty();
        assertThat(graph.dependents("ghost")).isEmpty();
        assertThat(graph.blastRadius("ghost")).isEmpty();
        assertThat(graph.classify(failing()).casualtiesOf("ghost")).isEmpty();
    }

    @Test
    void impact_of_an_undefined_name_is_refused() {
        var report = graph(service("api")).classify(failing());

        assertThatThrownBy(() -> report.impact("ghost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ghost'");
    }

    @Test
    void two_entities_with_one_name_are_refused() {
        assertThatThrownBy(() -> graph(service("api"), service("api", on("db"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two entities are named 'api'");
    }
}
