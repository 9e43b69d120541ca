package dev.topowatch.diagram;

import dev.topowatch.diagram.text.PlantUmlExporter;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /diagram.puml and {@code topowatch render --format puml}, drawn by PlantUML itself. PlantUML reports
 * a bad diagram as an image of the error, not as an exception, so the drawing is checked for what it
 * names.
 */
class PlantUmlRenderTest {

    /** The SVG PlantUML draws, after checking that it understood the text as a diagram, not an error. */
    private static Document draw(String uml) throws Exception {
        var reader = new SourceStringReader(uml);
        assertThat(reader.getBlocks()).hasSize(1);
        assertThat(reader.getBlocks().getFirst().getDiagram()).as(uml).isNotInstanceOf(PSystemError.class);
        var svg = new ByteArrayOutputStream();
        var description = reader.outputImage(svg, new FileFormatOption(FileFormat.SVG));
        assertThat(description.getDescription()).as(uml).doesNotContain("Error");
        return Svg.parse(svg.toString(StandardCharsets.UTF_8));
    }

    private static List<String> texts(Document document) {
        return Svg.elements(document, "text").stream().map(text -> text.getTextContent()).toList();
    }

    @Test
    void plantuml_draws_the_export_with_every_entity_its_status_and_the_title() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);

        var texts = texts(draw(PlantUmlExporter.export(topology, Fixtures.snapshot(topology))));

        assertThat(texts).contains("Shop", "vps (up)", "api", "db", "cache_a", "cache_b", "shop", "database (up)", "any of");
        assertThat(String.join(" ", texts)).doesNotContainIgnoringCase("syntax error").doesNotContainIgnoringCase("dot executable");
    }

    @Test
    void hostile_names_and_titles_still_give_a_diagram_naming_them() throws Exception {
        var topology = Renamed.hostileShop();

        var texts = texts(draw(PlantUmlExporter.export(topology, Fixtures.snapshot(topology))));

        // Quotes, backslashes and angle brackets are shown as look-alikes; line breaks as spaces.
        assertThat(texts).contains("box 'one' } (up)", "db/' -› x", "‹api› { @enduml", "trailing/", "/N/l &amp; as e0 #red");
        assertThat(String.join(" ", texts)).contains("a' -› evil [label=x] } / /N /G ‹b›&amp; @enduml !include /etc/passwd")
                .doesNotContain("root:");
    }
}
