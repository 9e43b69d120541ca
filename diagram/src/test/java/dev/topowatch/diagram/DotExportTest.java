package dev.topowatch.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.diagram.text.DotExporter;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /diagram.dot and {@code topowatch render --format dot}, read back by Graphviz itself. */
class DotExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What Graphviz understood: every object by name, and each edge as "tail -> head" with its attributes. */
    private record Read(JsonNode graph, Map<String, JsonNode> objects, Map<String, JsonNode> edges) {
        static Read of(String dot) throws Exception {
            var result = GraphvizCli.run(dot, "json");
            assertThat(result.exitCode()).as(result.errors()).isZero();
            var graph = JSON.readTree(result.output());
            var objects = new HashMap<String, JsonNode>();
            var names = new ArrayList<String>();
            for (var object : graph.path("objects")) {
                objects.put(object.path("name").asText(), object);
                names.add(object.path("name").asText());
            }
            var edges = new HashMap<String, JsonNode>();
            for (var edge : graph.path("edges")) {
                edges.put(names.get(edge.path("tail").asInt()) + " -> " + names.get(edge.path("head").asInt()), edge);
            }
            return new Read(graph, objects, edges);
        }

        List<String> clusterMembers(String cluster) {
            var names = new ArrayList<String>();
            objects.get(cluster).path("nodes").forEach(id -> names.add(graph.path("objects").get(id.asInt()).path("name").asText()));
            return names;
        }
    }

    @Test
    void graphviz_reads_a_cluster_per_server_a_diamond_per_any_of_dotted_members_and_status_colours() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var snapshot = Fixtures.snapshot(topology, Fixtures.status("db", Status.DOWN, "refused", List.of()));

        var dot = DotExporter.export(topology, snapshot);
        var read = Read.of(dot);

        assertThat(dot).as("the shape /diagram.dot always had").startsWith("digraph topology {\n").contains("\n  \"api\" -> \"db\";\n")
                .contains("\n  subgraph \"cluster_vps\" {\n    graph [").endsWith("\n}\n");
        assertThat(read.graph().path("label").asText()).isEqualTo("Shop");
        assertThat(read.objects().get("cluster_vps").path("label").asText()).isEqualTo("vps (up)");
        assertThat(read.clusterMembers("cluster_vps")).containsExactlyInAnyOrder("vps", "api", "db");
        assertThat(read.objects().get("db").path("label").asText()).isEqualTo("db\\ndatabase (down)");
        assertThat(read.objects().get("db").path("fillcolor").asText()).isEqualTo(Status.DOWN.colour() + "40");
        assertThat(read.objects().get("api").path("fillcolor").asText()).isEqualTo(Status.UP.colour() + "40");
        assertThat(read.objects().get("api any_of 0").path("shape").asText()).isEqualTo("diamond");
        assertThat(read.edges().keySet()).containsExactlyInAnyOrder("api -> db", "api -> api any_of 0", "api any_of 0 -> cache_a",
                "api any_of 0 -> cache_b", "shop -> api", "shop -> db");
        assertThat(read.edges().get("api -> api any_of 0").path("arrowhead").asText()).isEqualTo("none");
        assertThat(read.edges().get("shop -> api").path("style").asText()).isEqualTo("dotted");
        assertThat(read.edges().get("shop -> db").path("style").asText()).isEqualTo("dotted");
        assertThat(read.edges().get("api -> db").has("style")).isFalse();
    }

    @Test
    void without_a_snapshot_boxes_are_grey_and_labels_name_no_status() throws Exception {
        var read = Read.of(DotExporter.export(Fixtures.topology(Fixtures.SHOP), null));

        assertThat(read.objects().get("db").path("label").asText()).isEqualTo("db\\ndatabase");
        assertThat(read.objects().get("db").path("fillcolor").asText()).isEqualTo("#eeeeee40");
        assertThat(read.objects().get("cluster_vps").path("label").asText()).isEqualTo("vps");
    }

    @Test
    void hostile_names_and_titles_are_shown_as_text_and_never_read_as_dot() throws Exception {
        var topology = Renamed.hostileShop();

        var result = GraphvizCli.run(DotExporter.export(topology, Fixtures.snapshot(topology)), "svg");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        // Graphviz's SVG names its DTD; our strict parser refuses any DOCTYPE.
        var document = Svg.parse(result.output().replaceFirst("<!DOCTYPE[^>]*>", ""));
        var texts = Svg.elements(document, "text").stream().map(text -> text.getTextContent()).toList();
        assertThat(texts).contains("a\" -> evil [label=x] } \\ \\N \\G <b>&amp;", "@enduml !include /etc/passwd", "box \"one\" } (up)",
                "db\\\" -> x", "<api> {", "@enduml", "trailing\\", "\\N\\l &amp; as e0 #red");
        var nodes = Svg.elements(document, "g").stream().filter(g -> g.getAttribute("class").equals("node")).count();
        assertThat(nodes).as("a box per entity but the server (an invisible point), a diamond per any_of").isEqualTo(5 + 1);
        assertThat(Svg.elements(document, "g").stream().filter(g -> g.getAttribute("class").equals("cluster")).count()).isEqualTo(1);
        assertThat(Svg.elements(document, "g").stream().filter(g -> g.getAttribute("class").equals("edge")).count()).isEqualTo(6);
    }
}
