package dev.topowatch.topology.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

class ChainClassificationTest {
    /** a needs b, b needs c. */
    private final DependencyGraph chain = graph(service("a", on("b")), service("b", on("c")), service("c"));

    @Test
    void nothing_failing_means_everything_is_available() {
        var report = chain.classify(failing());

        assertThat(report.all().values()).containsOnly(Impact.available());
        assertThat(report.roots()).isEmpty();
    }

    @Test
    void failing_end_of_a_chain_is_the_root() {
        var report = chain.classify(failing("c"));

        assertThat(report.impact("c")).isEqualTo(Impact.root());
        assertThat(report.roots()).containsExactly("c");
    }

    @Test
    void root_has_no_root_cause_and_no_blockers() {
        var impact = chain.classify(failing("c")).impact("c");

        assertThat(impact.rootCause()).isEmpty();
        assertThat(impact.blockedBy()).isEmpty();
    }

    @Test
    void failing_dependent_of_a_root_is_its_casualty() {
        var report = chain.classify(failing("b", "c"));

        assertThat(report.impact("b")).isEqualTo(Impact.casualty(List.of("c"), List.of("c")));
    }

    @Test
    void casualty_of_a_casualty_names_the_original_root() {
        var report = chain.classify(failing("a", "b", "c"));

        assertThat(report.impact("a")).isEqualTo(Impact.casualty(List.of("c"), List.of("b")));
        assertThat(report.roots()).containsExactly("c");
        assertThat(report.casualtiesOf("c")).containsExactly("a", "b");
    }

    @Test
    void entity_that_passes_while_its_dependency_is_down_stays_available() {
        var report = chain.classify(failing("c"));

        assertThat(report.impact("b")).isEqualTo(Impact.available());
        assertThat(report.impact("a")).isEqualTo(Impact.available());
        assertThat(report.casualtiesOf("c")).isEmpty();
    }

    @Test
    void failing_entity_above_a_passing_dependency_is_a_root_of_its_own() {
        var report = chain.classify(failing("a", "c"));

        assertThat(report.impact("a")).isEqualTo(Impact.root());
        assertThat(report.roots()).containsExactly("a", "c");
    }

    @Test
    void diamond_lists_the_shared_root_once() {
        var diamond = graph(service("top", on("left"), on("right")),
                service("left", on("bottom")), service("right", on("bottom")), service("bottom"));

        var report = diamond.classify(failing("top", "left", "right", "bottom"));

        assertThat(report.impact("top")).isEqualTo(Impact.casualty(List.of("bottom"), List.of("left", "right")));
        assertThat(report.impact("top").rootCause()).containsExactly("bottom");
        assertThat(report.casualtiesOf("bottom")).containsExactly("left", "right", "top");
    }

    @Test
    void diamond_with_both_branches_down_on_their_own_names_both_roots() {
        var diamond = graph(service("top", on("left"), on("right")),
                service("left", on("bottom")), service("right", on("bottom")), service("bottom"));

        var report = diamond.classify(failing("top", "left", "right"));

        assertThat(report.impact("top")).isEqualTo(Impact.casualty(List.of("left", "right"), List.of("left", "right")));
        assertThat(report.roots()).containsExactly("left", "right");
    }

    @Test
    void casualty_is_blocked_only_by_the_dependencies_that_are_down() {
        var graph = graph(service("api", on("db"), on("cache")), service("db"), service("cache"));

        var report = graph.classify(failing("api", "db"));

        assertThat(report.impact("api")).isEqualTo(Impact.casualty(List.of("db"), List.of("db")));
    }
}
