package dev.topowatch.topology.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImpactReportTest {

    @Test
    void impact_lists_are_sorted_without_repeats_and_read_only() {
        var impact = Impact.casualty(new ArrayList<>(List.of("db", "cache", "db")), List.of("vps", "api"));

        assertThat(impact.rootCause()).containsExactly("cache", "db");
        assertThat(impact.blockedBy()).containsExactly("api", "vps");
        assertThatThrownBy(() -> impact.rootCause().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void only_a_casualty_may_carry_a_root_cause() {
        assertThatThrownBy(() -> new Impact(Impact.State.ROOT, List.of("db"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a casualty");
    }

    @Test
    void roots_and_their_casualties_are_indexed() {
        var report = new ImpactReport(Map.of(
                "db", Impact.root(),
                "api", Impact.casualty(List.of("db"), List.of("db")),
                "web", Impact.casualty(List.of("db"), List.of("api")),
                "cron", Impact.available()));

        assertThat(report.roots()).containsExactly("db");
        assertThat(report.casualtiesOf("db")).containsExactly("api", "web");
        assertThat(report.casualtiesOf("api")).isEmpty();
        assertThat(report.all().keySet()).containsExactly("api", "cron", "db", "web");
    }

    @Test
    void report_refuses_a_root_cause_that_is_not_one_of_its_roots() {
        assertThatThrownBy(() -> new ImpactReport(Map.of(
                "db", Impact.available(),
                "api", Impact.casualty(List.of("db"), List.of("db")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api' names 'db' as a root cause, which is not a root");
    }

    @Test
    void report_refuses_a_blocker_that_is_available() {
        assertThatThrownBy(() -> new ImpactReport(Map.of(
                "db", Impact.root(),
                "cache", Impact.available(),
                "api", Impact.casualty(List.of("db"), List.of("cache")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api' is blocked by 'cache'");
    }
}
