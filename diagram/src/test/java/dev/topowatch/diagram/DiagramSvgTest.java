package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.ElkLayoutEngine;
import dev.topowatch.diagram.layout.GridLayoutEngine;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.layout.LayoutEngine;
import dev.topowatch.diagram.svg.BoxText;
import dev.topowatch.diagram.svg.SvgRenderer;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiagramSvgTest {
    private static final LayoutEngine ELK = new ElkLayoutEngine();

    private static String svg(Topology topology, LayoutEngine engine, Theme theme, StatusSnapshot snapshot) {
        var graph = DiagramGraph.of(topology, new BoxText());
        return SvgRenderer.template(topology, graph, engine.layout(graph), theme, topology.board().title()).render(snapshot);
    }

    /** Graphviz's dot when installed (CI installs it, and then it must be there). */
    static LayoutEngine dot() {
        var binary = dev.topowatch.diagram.layout.DotLayoutEngine.find();
        if (binary.isEmpty()) {
            assertThat(System.getenv("CI")).as("dot is missing; CI installs Debian's graphviz").isNotEqualTo("true");
            org.junit.jupiter.api.Assumptions.abort("no dot binary here");
        }
        return new dev.topowatch.diagram.layout.DotLayoutEngine(binary.get());
    }

    private static LayoutEngine engine(String name) {
        return switch (name) {
            case "elk" -> ELK;
            case "dot" -> dot();
            default -> new GridLayoutEngine();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"elk", "dot", "grid"})
    void every_entity_is_one_element_with_its_id_status_and_server(String engineName) throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var engine = engine(engineName);
        var snapshot = Fixtures.snapshot(topology, Fixtures.status("db", Status.DOWN, "connection refused", List.of()));

        var document = Svg.parse(svg(topology, engine, Theme.LIGHT, snapshot));

        var db = Svg.byEntity(document, "db");
        assertThat(db.getAttribute("id")).isEqualTo("entity-db");
        assertThat(db.getAttribute("data-status")).isEqualTo("down");
        assertThat(db.getAttribute("class")).contains("status-down");
        assertThat(db.getAttribute("data-server")).isEqualTo("vps");
        assertThat(Svg.byEntity(document, "vps").getAttribute("id")).isEqualTo("server-vps");
        assertThat(Svg.byEntity(document, "vps").getAttribute("class")).contains("cluster");
        for (var name : topology.entities().keySet()) {
            assertThat(Svg.elements(document, "g").stream().filter(g -> g.getAttribute("data-entity").equals(name)).count())
                    .as(name).isEqualTo(1);
        }
        assertThat(document.getDocumentElement().getAttribute("data-engine")).isEqualTo(engineName);
    }

    @Test
    void a_box_shows_name_kind_status_ratio_latency_and_extra_with_the_full_text_in_its_tooltip() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var db = new EntityStatus("db", Status.DOWN, Fixtures.NOW, Fixtures.NOW, 1467, 1973, 12, 0.4265, Duration.ofMillis(5003),
                "timeout after 5000 ms", false, List.of(), List.of(), Map.of("size", "1.2 GB of data, a long value that will be cut"));

        var document = Svg.parse(svg(topology, ELK, Theme.LIGHT, Fixtures.snapshot(topology, db)));

        var text = Svg.byEntity(document, "db").getTextContent();
        assertThat(text).contains("db").contains("database · docker").contains("✖ down · 42.7% · 5003 ms")
                .contains("size: 1.2 GB of data, a long").contains("…");
        var tooltip = Svg.elements(document, "title").stream().filter(title -> title.getParentNode() == Svg.byEntity(document, "db"))
                .findFirst().orElseThrow().getTextContent();
        assertThat(tooltip).contains("last error: timeout after 5000 ms").contains("size: 1.2 GB of data, a long value that will be cut");
    }

    @Test
    void a_box_with_more_extras_than_lines_says_how_many_more_its_tooltip_holds() throws Exception {
        var topology = Fixtures.topology("""
                entities:
                  four: {type: api, url: "http://127.0.0.1/", extra: {a: "1", b: "2", c: "3", d: "4"}}
                  six:
                    type: api
                    url: http://127.0.0.1/
                    extra: {a: "1", b: "2", c: "3", d: "4"}
                    capture: {e: /e, f: /f}
                """);
        var six = new EntityStatus("six", Status.UP, Fixtures.NOW, Fixtures.NOW, 1, 0, 0, 1.0, Duration.ofMillis(3), null, false,
                List.of(), List.of(), Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"));

        var document = Svg.parse(svg(topology, ELK, Theme.LIGHT, Fixtures.snapshot(topology, six)));

        var sixLines = Svg.elements(document, "text").stream().filter(text -> text.getParentNode() == Svg.byEntity(document, "six"))
                .map(text -> text.getTextContent()).toList();
        assertThat(sixLines).contains("a: 1", "b: 2", "c: 3", "+3 more (hover)").doesNotContain("d: 4", "e: 5", "f: 6");
        var tooltip = Svg.elements(document, "title").stream().filter(title -> title.getParentNode() == Svg.byEntity(document, "six"))
                .findFirst().orElseThrow().getTextContent();
        assertThat(tooltip).contains("d: 4").contains("e: 5").contains("f: 6");
        var fourLines = Svg.elements(document, "text").stream().filter(text -> text.getParentNode() == Svg.byEntity(document, "four"))
                .map(text -> text.getTextContent()).toList();
        assertThat(fourLines).as("four extras fit: a line each").anyMatch(line -> line.startsWith("d: "))
                .noneMatch(line -> line.contains("more"));
        for (var name : List.of("four", "six")) {
            var box = Svg.elements(document, "rect").stream().filter(rect -> rect.getParentNode() == Svg.byEntity(document, name))
                    .findFirst().orElseThrow();
            double bottom = Double.parseDouble(box.getAttribute("y")) + Double.parseDouble(box.getAttribute("height"));
            assertThat(Svg.elements(document, "text").stream().filter(text -> text.getParentNode() == Svg.byEntity(document, name)))
                    .as("every line of %s inside its box", name)
                    .allSatisfy(text -> assertThat(Double.parseDouble(text.getAttribute("y"))).isLessThan(bottom));
        }
    }

    @Test
    void a_casualty_is_hatched_and_the_edges_to_its_root_are_highlighted() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var snapshot = Fixtures.snapshot(topology,
                Fixtures.status("db", Status.DOWN, "refused", List.of()),
                Fixtures.status("api", Status.BLOCKED, "503", List.of("db")));

        var svg = svg(topology, ELK, Theme.LIGHT, snapshot);
        var document = Svg.parse(svg);

        assertThat(Svg.byEntity(document, "api").getAttribute("class")).contains("status-blocked");
        assertThat(svg).contains(".status-blocked rect.box{fill:url(#hatch);}");
        var edges = Svg.elements(document, "path").stream().filter(path -> path.getAttribute("class").contains("edge")).toList();
        assertThat(edges).filteredOn(edge -> edge.getAttribute("id").equals("edge-api--db"))
                .singleElement().satisfies(edge -> assertThat(edge.getAttribute("class")).contains("outage"));
        assertThat(edges).filteredOn(edge -> edge.getAttribute("data-links").contains("cache_a"))
                .allSatisfy(edge -> assertThat(edge.getAttribute("class")).doesNotContain("outage"));
    }

    @Test
    void recolouring_changes_only_the_status_parts() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var graph = DiagramGraph.of(topology, new BoxText());
        var template = SvgRenderer.template(topology, graph, ELK.layout(graph), Theme.LIGHT, "Shop");

        var before = template.render(Fixtures.snapshot(topology));
        var after = template.render(Fixtures.snapshot(topology, Fixtures.status("cache_a", Status.DEGRADED, "slow", List.of())));

        assertThat(before).isNotEqualTo(after);
        assertThat(structure(before)).isEqualTo(structure(after));
        assertThat(geometry(before)).isEqualTo(geometry(after));
    }

    @Test
    void the_same_topology_always_gives_the_same_svg() {
        var topology = Fixtures.topology(Fixtures.SHOP);
        var snapshot = Fixtures.snapshot(topology);

        assertThat(svg(topology, new ElkLayoutEngine(), Theme.LIGHT, snapshot))
                .isEqualTo(svg(Fixtures.topology(Fixtures.SHOP), new ElkLayoutEngine(), Theme.LIGHT, snapshot));
    }

    @Test
    void the_structure_of_a_small_topology_is_as_expected() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);

        var document = Svg.parse(svg(topology, ELK, Theme.LIGHT, Fixtures.snapshot(topology)));

        var groups = Svg.elements(document, "g").stream().filter(g -> g.hasAttribute("data-entity"))
                .map(g -> g.getAttribute("id") + " " + g.getAttribute("class")).sorted().toList();
        assertThat(groups).containsExactly(
                "entity-api entity status-up", "entity-cache_a entity status-up", "entity-cache_b entity status-up",
                "entity-db entity status-up", "entity-shop entity group status-up", "server-vps cluster entity-frame status-up");
        var edges = Svg.elements(document, "path").stream().filter(path -> path.getAttribute("class").startsWith("edge"))
                .map(path -> path.getAttribute("data-links") + " " + path.getAttribute("class")).sorted().toList();
        assertThat(edges).containsExactly(
                "api>cache_a edge any-of", "api>cache_a|cache_b edge any-of", "api>cache_b edge any-of", "api>db edge depends-on",
                "shop>api edge member", "shop>db edge member");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void both_themes_are_complete_standalone_svg(Theme theme) throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);

        var svg = svg(topology, ELK, theme, Fixtures.snapshot(topology));

        var document = Svg.parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(Svg.elements(document, "style")).hasSize(1);
        assertThat(svg).doesNotContain("<script").doesNotContain("href=").doesNotContain("@import").doesNotContain("url(http");
        assertThat(svg).contains(theme == Theme.DARK ? "#0d1117" : "#ffffff");
        assertThat(document.getDocumentElement().getTextContent()).contains("✔ up").contains("⊘ blocked").contains("◷ maintenance");
    }

    @Test
    void hostile_values_stay_text_and_the_svg_still_parses() throws Exception {
        var hostile = "<script>alert(1)</script> \" ' & \u0000\u0007 \u202Eevil \uD83D\uDCA5 " + "x".repeat(10_000);
        var topology = Fixtures.topology("""
                board: {title: "<b onload=alert(1)>&</b>"}
                entities:
                  web:
                    type: api
                    url: http://127.0.0.1/
                    runtime: "<img src=x onerror=alert(1)>"
                    extra: {"k<>\\"": "v&<>"}
                """);
        var web = new EntityStatus("web", Status.DOWN, Fixtures.NOW, Fixtures.NOW, 0, 1, 0, 0.0, Duration.ofMillis(1), hostile, false,
                List.of(), List.of(), Map.of("k<>\"", hostile));

        var svg = svg(topology, ELK, Theme.LIGHT, Fixtures.snapshot(topology, web));
        var document = Svg.parse(svg);

        assertThat(Svg.elements(document, "script")).isEmpty();
        assertThat(Svg.elements(document, "img")).isEmpty();
        assertThat(Svg.all(document)).allSatisfy(element -> {
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                assertThat(element.getAttributes().item(i).getNodeName()).doesNotStartWith("on");
            }
        });
        assertThat(svg).doesNotContain("\u202E").doesNotContain("\u0000");
        assertThat(document.getDocumentElement().getTextContent()).contains("<script>alert(1)</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"elk", "dot"})
    void five_hundred_entities_are_laid_out_without_overlapping_boxes(String engineName) {
        var yaml = new StringBuilder("entities:\n");
        for (int server = 0; server < 20; server++) {
            yaml.append("  s").append(server).append(": {type: server, host: 127.0.0.1}\n");
        }
        for (int i = 0; i < 480; i++) {
            yaml.append("  e").append(i).append(": {type: tcp, host: 127.0.0.1, port: ").append(1 + i)
                    .append(", server: s").append(i % 20);
            if (i >= 5) {
                yaml.append(", depends_on: [e").append((i * 7) % i).append("]");
            }
            yaml.append("}\n");
        }
        var topology = Fixtures.topology(yaml.toString());
        var graph = DiagramGraph.of(topology, new BoxText());

        Layout layout = engine(engineName).layout(graph);

        var boxes = new ArrayList<>(layout.nodes().entrySet());
        assertThat(boxes).hasSize(480);
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                assertThat(boxes.get(a).getValue().overlaps(boxes.get(b).getValue()))
                        .as("%s overlaps %s", boxes.get(a).getKey(), boxes.get(b).getKey()).isFalse();
            }
        }
        for (var node : graph.nodes()) {
            var cluster = layout.clusters().get(node.cluster());
            var box = layout.nodes().get(node.id());
            // Within half a point: dot rounds its coordinates.
            assertThat(box.x()).isGreaterThanOrEqualTo(cluster.x() - 0.5);
            assertThat(box.y()).isGreaterThanOrEqualTo(cluster.y() - 0.5);
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(cluster.x() + cluster.width() + 0.5);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(cluster.y() + cluster.height() + 0.5);
        }
    }

    /** The document with every status-dependent part blanked: what recolouring must leave alone. */
    private static String structure(String svg) {
        return svg.replaceAll("status-[a-z]+", "status-X").replaceAll("data-status=\"[a-z]+\"", "data-status=\"X\"")
                .replaceAll("<text class=\"status\"([^>]*)>[^<]*</text>", "<text class=\"status\"$1></text>")
                .replaceAll("<title>[^<]*</title>", "<title></title>")
                .replaceAll(" outage", "");
    }

    private static List<String> geometry(String svg) {
        var matcher = java.util.regex.Pattern.compile("(?:x|y|width|height|d)=\"[^\"]*\"").matcher(svg);
        var found = new ArrayList<String>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
