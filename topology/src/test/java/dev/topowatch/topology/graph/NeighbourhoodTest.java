package dev.topowatch.topology.graph;

import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import static dev.topowatch.topology.graph.Entities.anyOf;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.hosted;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.server;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NeighbourhoodTest {
    private final DependencyGraph board = graph(
            server("vps"),
            hosted("api", "vps", on("db"), anyOf("cache-a", "cache-b")),
            service("db"), service("cache-a"), service("cache-b"),
            service("frontend", on("api")),
            group("shop", GroupRule.all(), "frontend", "payments"), service("payments"),
            service("status-page", on("shop")));

    @Test
    void dependencies_include_server_plain_dependencies_and_any_of_members() {
        assertThat(board.dependencies("api")).containsExactly("cache-a", "cache-b", "db", "vps");
    }

    @Test
    void dependencies_of_a_group_are_its_members() {
        assertThat(board.dependencies("shop")).containsExactly("frontend", "payments");
    }

    @Test
    void dependents_are_the_direct_reverse() {
        assertThat(board.dependents("api")).containsExactly("frontend");
        assertThat(board.dependents("cache-b")).containsExactly("api");
        assertThat(board.dependents("frontend")).containsExactly("shop");
        assertThat(board.dependents("status-page")).isEmpty();
    }

    @Test
    void blast_radius_is_transitive_and_excludes_itself() {
        assertThat(board.blastRadius("db")).containsExactly("api", "frontend", "shop", "status-page");
    }

    @Test
    void blast_radius_reaches_through_any_of_and_groups() {
        assertThat(board.blastRadius("cache-a")).containsExactly("api", "frontend", "shop", "status-page");
        assertThat(board.blastRadius("payments")).containsExactly("shop", "status-page");
    }

    @Test
    void blast_radius_of_a_server_covers_what_runs_on_it() {
        assertThat(board.blastRadius("vps")).containsExactly("api", "frontend", "shop", "status-page");
    }

    @Test
    void blast_radius_of_something_nothing_needs_is_empty() {
        assertThat(board.blastRadius("status-page")).isEmpty();
    }

    @Test
    void blast_radius_on_a_cycle_still_excludes_itself() {
        var graph = graph(service("a", on("b")), service("b", on("a")), service("top", on("a")));

        assertThat(graph.blastRadius("a")).containsExactly("b", "top");
    }

    @Test
    void answers_are_read_only() {
        assertThatThrownBy(() -> board.dependencies("api").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> board.blastRadius("db").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void names_lists_every_entity_sorted() {
        assertThat(board.names()).containsExactly("api", "cache-a", "cache-b", "db", "frontend", "payments",
                "shop", "status-page", "vps");
    }
}
