package dev.topowatch.topology.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.anyOf;
import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.hosted;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.server;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

class AnyOfClassificationTest {
    private final DependencyGraph caches = graph(
            service("api", on("db"), anyOf("cache-a", "cache-b")),
            service("db"), service("cache-a"), hosted("cache-b", "vps"), server("vps"));

    @Test
    void one_of_two_caches_down_leaves_a_failing_dependent_a_root() {
        var report = caches.classify(failing("api", "cache-a"));

        assertThat(report.impact("api")).isEqualTo(Impact.root());
        assertThat(report.roots()).containsExactly("api", "cache-a");
    }

    @Test
    void both_caches_down_make_a_failing_dependent_a_casualty_of_both() {
        var report = caches.classify(failing("api", "cache-a", "cache-b"));

        assertThat(report.impact("api"))
                .isEqualTo(Impact.casualty(List.of("cache-a", "cache-b"), List.of("cache-a", "cache-b")));
    }

    @Test
    void unmet_any_of_passes_on_the_roots_behind_each_member() {
        var report = caches.classify(failing("api", "cache-a", "cache-b", "vps"));

        assertThat(report.impact("api"))
                .isEqualTo(Impact.casualty(List.of("cache-a", "vps"), List.of("cache-a", "cache-b")));
    }

    @Test
    void plain_dependency_beside_an_any_of_still_blocks_on_its_own() {
        var report = caches.classify(failing("api", "db", "cache-a"));

        assertThat(report.impact("api")).isEqualTo(Impact.casualty(List.of("db"), List.of("db")));
    }

    @Test
    void any_of_with_one_member_behaves_like_a_plain_dependency() {
        var graph = graph(service("api", anyOf("db")), service("db"));

        assertThat(graph.classify(failing("api", "db")).impact("api"))
                .isEqualTo(Impact.casualty(List.of("db"), List.of("db")));
    }
}
