package dev.topowatch.topology.graph;

import dev.topowatch.topology.GroupRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.group;
import static dev.topowatch.topology.graph.Entities.groupNeeding;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.service;
import static org.assertj.core.api.Assertions.assertThat;

class GroupClassificationTest {

    private static DependencyGraph shop(GroupRule rule) {
        return graph(group("shop", rule, "web-1", "web-2", "web-3"),
                service("web-1"), service("web-2"), service("web-3", on("db")), service("db"));
    }

    @Test
    void all_rule_group_with_every_member_available_is_available() {
        assertThat(shop(GroupRule.all()).classify(failing()).impact("shop")).isEqualTo(Impact.available());
    }

    @Test
    void all_rule_group_is_blocked_by_any_unavailable_member() {
        var report = shop(GroupRule.all()).classify(failing("web-2"));

        assertThat(report.impact("shop")).isEqualTo(Impact.casualty(List.of("web-2"), List.of("web-2")));
    }

    @Test
    void any_rule_group_stays_available_while_one_member_is_up() {
        var report = shop(GroupRule.any()).classify(failing("web-1", "web-2"));

        assertThat(report.impact("shop")).isEqualTo(Impact.available());
    }

    @Test
    void any_rule_group_with_every_member_down_names_every_root() {
        var report = shop(GroupRule.any()).classify(failing("web-1", "web-2", "web-3"));

        assertThat(report.impact("shop"))
                .isEqualTo(Impact.casualty(List.of("web-1", "web-2", "web-3"), List.of("web-1", "web-2", "web-3")));
    }

    @Test
    void quorum_group_survives_one_of_three_down() {
        var report = shop(GroupRule.quorum(2, 3)).classify(failing("web-1"));

        assertThat(report.impact("shop")).isEqualTo(Impact.available());
    }

    @Test
    void quorum_group_falls_with_two_of_three_down() {
        var report = shop(GroupRule.quorum(2, 3)).classify(failing("web-1", "web-3"));

        assertThat(report.impact("shop"))
                .isEqualTo(Impact.casualty(List.of("web-1", "web-3"), List.of("web-1", "web-3")));
    }

    @Test
    void group_with_a_failing_member_that_is_itself_a_casualty_names_the_original_root() {
        var report = shop(GroupRule.all()).classify(failing("web-3", "db"));

        assertThat(report.impact("shop")).isEqualTo(Impact.casualty(List.of("db"), List.of("web-3")));
        assertThat(report.casualtiesOf("db")).containsExactly("shop", "web-3");
    }

    @Test
    void group_is_never_a_root_even_when_named_failing() {
        var report = shop(GroupRule.all()).classify(failing("shop"));

        assertThat(report.impact("shop")).isEqualTo(Impact.available());
        assertThat(report.roots()).isEmpty();
    }

    @Test
    void group_whose_rule_holds_is_blocked_by_its_own_unmet_dependency() {
        var graph = graph(groupNeeding("shop", GroupRule.quorum(1, 2), List.of("web-1", "web-2"), on("payments")),
                service("web-1"), service("web-2"), service("payments"));

        var report = graph.classify(failing("web-1", "payments"));

        // web-1 did not take the shop down, so it is not named as a blocker.
        assertThat(report.impact("shop")).isEqualTo(Impact.casualty(List.of("payments"), List.of("payments")));
    }

    @Test
    void failing_dependent_of_a_blocked_group_names_the_members_roots() {
        var graph = graph(service("checkout", on("shop")), group("shop", GroupRule.all(), "web-1", "web-2"),
                service("web-1"), service("web-2"));

        var report = graph.classify(failing("checkout", "web-2"));

        assertThat(report.impact("checkout")).isEqualTo(Impact.casualty(List.of("web-2"), List.of("shop")));
    }

    @Test
    void passing_dependent_of_a_blocked_group_stays_available() {
        var graph = graph(service("checkout", on("shop")), group("shop", GroupRule.all(), "web-1"), service("web-1"));

        assertThat(graph.classify(failing("web-1")).impact("checkout")).isEqualTo(Impact.available());
    }

    @Test
    void group_of_groups_derives_from_the_inner_groups() {
        var graph = graph(group("business", GroupRule.any(), "eu", "us"),
                group("eu", GroupRule.all(), "eu-1"), group("us", GroupRule.all(), "us-1"),
                service("eu-1"), service("us-1"));

        assertThat(graph.classify(failing("eu-1")).impact("business")).isEqualTo(Impact.available());
        assertThat(graph.classify(failing("eu-1", "us-1")).impact("business"))
                .isEqualTo(Impact.casualty(List.of("eu-1", "us-1"), List.of("eu", "us")));
    }

    @Test
    void group_members_are_dependencies() {
        assertThat(shop(GroupRule.all()).dependencies("shop")).containsExactly("web-1", "web-2", "web-3");
    }
}
