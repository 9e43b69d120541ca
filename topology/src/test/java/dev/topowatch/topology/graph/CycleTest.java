package dev.topowatch.topology.graph;

import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.anyOf;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.hosted;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.server;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

class CycleTest {

    @Test
    void acyclic_graph_has_no_cycles() {
        var graph = graph(service("a", on("b")), service("b", on("c")), service("c"));

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void two_cycle_is_found() {
        var graph = graph(service("a", on("b")), service("b", on("a")));

        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "a"));
    }

    @Test
    void three_cycle_is_named_in_dependency_order() {
        var graph = graph(service("api", on("worker")), service("worker", on("queue")), service("queue", on("api")));

        assertThat(graph.cycles()).containsExactly(List.of("api", "worker", "queue", "api"));
    }

    @Test
    void cycle_starts_at_its_smallest_name_whatever_the_order_written() {
        var graph = graph(service("zeta", on("alpha")), service("mid", on("zeta")), service("alpha", on("mid")));

        assertThat(graph.cycles()).containsExactly(List.of("alpha", "mid", "zeta", "alpha"));
    }

    @Test
    void self_dependency_is_a_cycle_of_one() {
        var graph = graph(service("a", on("a")));

        assertThat(graph.cycles()).containsExactly(List.of("a", "a"));
    }

    @Test
    void group_containing_itself_is_a_cycle() {
        var graph = graph(group("g", GroupRule.all(), "g", "web"), service("web"));

        assertThat(graph.cycles()).containsExactly(List.of("g", "g"));
    }

    @Test
    void two_separate_cycles_are_both_reported_sorted() {
        var graph = graph(service("x", on("y")), service("y", on("x")),
                service("b", on("c")), service("c", on("b")), service("free", on("x")));

        assertThat(graph.cycles()).containsExactly(List.of("b", "c", "b"), List.of("x", "y", "x"));
    }

    @Test
    void diamond_is_not_a_cycle() {
        var graph = graph(service("top", on("left"), on("right")),
                service("left", on("bottom")), service("right", on("bottom")), service("bottom"));

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void entangled_cycles_are_reported_once_as_the_shortest_through_the_smallest_name() {
        // a -> b -> c -> d -> a and a -> d: one strongly connected component, one cycle for it.
        var graph = graph(service("a", on("b"), on("d")), service("b", on("c")),
                service("c", on("d")), service("d", on("a")));

        assertThat(graph.cycles()).containsExactly(List.of("a", "d", "a"));
    }

    @Test
    void server_that_depends_on_a_service_it_hosts_is_a_cycle() {
        var graph = graph(server("vps", on("dns")), hosted("dns", "vps"));

        assertThat(graph.cycles()).containsExactly(List.of("dns", "vps", "dns"));
    }

    @Test
    void cycle_through_an_any_of_member_is_found() {
        var graph = graph(service("api", anyOf("cache-a", "cache-b")), service("cache-a"),
                service("cache-b", on("api")));

        assertThat(graph.cycles()).containsExactly(List.of("api", "cache-b", "api"));
    }

    @Test
    void cycle_through_group_membership_is_found() {
        var graph = graph(group("shop", GroupRule.all(), "web"), service("web", on("shop")));

        assertThat(graph.cycles()).containsExactly(List.of("shop", "web", "shop"));
    }
}
