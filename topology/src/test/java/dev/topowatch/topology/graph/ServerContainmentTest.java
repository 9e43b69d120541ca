package dev.topowatch.topology.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.topowatch.topology.graph.Entities.failing;
import static dev.topowatch.topology.graph.Entities.graph;
import static dev.topowatch.topology.graph.Entities.hosted;
import static dev.topowatch.topology.graph.Entities.on;
import static dev.topowatch.topology.graph.Entities.server;
import static org.assertj.core.api.Assertions.assertThat;

class ServerContainmentTest {
    private final DependencyGraph hosts = graph(
            server("vps-1"), server("vps-2"),
            hosted("api", "vps-1", on("db")), hosted("worker", "vps-1"), hosted("db", "vps-2"));

    @Test
    void server_is_a_dependency_of_what_runs_on_it() {
        assertThat(hosts.dependencies("api")).containsExactly("db", "vps-1");
        assertThat(hosts.dependents("vps-1")).containsExactly("api", "worker");
    }

    @Test
    void failing_services_on_a_down_server_are_its_casualties() {
        var report = hosts.classify(failing("vps-1", "api", "worker"));

        assertThat(report.impact("api")).isEqualTo(Impact.casualty(List.of("vps-1"), List.of("vps-1")));
        assertThat(report.impact("worker")).isEqualTo(Impact.casualty(List.of("vps-1"), List.of("vps-1")));
        assertThat(report.roots()).containsExactly("vps-1");
        assertThat(report.casualtiesOf("vps-1")).containsExactly("api", "worker");
    }

    @Test
    void service_on_a_down_server_that_still_passes_stays_available() {
        var report = hosts.classify(failing("vps-1", "api"));

        assertThat(report.impact("worker")).isEqualTo(Impact.available());
    }

    @Test
    void casualty_of_two_servers_names_both() {
        var report = hosts.classify(failing("vps-1", "vps-2", "db", "api"));

        assertThat(report.impact("api"))
                .isEqualTo(Impact.casualty(List.of("vps-1", "vps-2"), List.of("db", "vps-1")));
    }
}
