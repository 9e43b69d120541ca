package dev.topowatch.diagram;

import dev.topowatch.diagram.svg.BadgeRenderer;
import dev.topowatch.diagram.text.DotExporter;
import dev.topowatch.diagram.text.PlantUmlExporter;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagramTextTest {

    @Test
    void dot_has_a_cluster_per_server_and_an_edge_per_dependency_coloured_by_status() {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var snapshot = Fixtures.snapshot(topology, Fixtures.status("db", Status.DOWN, "refused", List.of()));

        var dot = DotExporter.export(topology, snapshot);

        assertThat(dot).startsWith("digraph topology {").endsWith("}\n")
                .contains("subgraph \"cluster_vps\" {")
                .contains("\"api\" -> \"db\";")
                .contains("\"shop\" -> \"api\" [style=dotted];")
                .contains("\"api any_of 0\" -> \"cache_a\";")
                .contains("\"db\" [label=\"db\\ndatabase (down)\", fillcolor=\"" + Status.DOWN.colour() + "40\"");
        assertThat(dot.chars().filter(character -> character == '{').count()).isEqualTo(dot.chars().filter(character -> character == '}').count());
    }

    @Test
    void dot_quotes_every_label_so_a_title_cannot_break_out() {
        var topology = Fixtures.topology("""
                board: {title: "a\\" -> evil [label=x] \\\\"}
                entities:
                  web: {type: tcp, host: 127.0.0.1, port: 80}
                """);

        var dot = DotExporter.export(topology, null);

        assertThat(dot).contains("label=\"a\\\" -> evil [label=x] \\\\\"");
    }

    @Test
    void plantuml_is_one_diagram_with_nodes_for_servers_and_aliases_for_every_entity() {
        var topology = Fixtures.topology(Fixtures.SHOP);

        var uml = PlantUmlExporter.export(topology, Fixtures.snapshot(topology));

        assertThat(uml).startsWith("@startuml\n").endsWith("@enduml\n")
                .contains("node \"vps (up)\" as e5")
                .contains("database \"db\\n<size:10>database (up)</size>\" as e3")
                .contains("e0 --> e3")
                .contains("e0 ..> e1 : any of")
                .contains("collections \"shop");
    }

    @Test
    void a_badge_names_the_entity_and_its_status() throws Exception {
        var badge = BadgeRenderer.render("db<main>", Status.DOWN);

        var document = Svg.parse(badge);
        assertThat(document.getDocumentElement().getTextContent()).contains("db<main>").contains("✖ down");
        assertThat(badge).contains(Status.DOWN.colour());
    }
}
