package dev.topowatch.diagram;

import dev.topowatch.diagram.svg.BadgeRenderer;
import dev.topowatch.diagram.text.PlantUmlExporter;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagramTextTest {

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
