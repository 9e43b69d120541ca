package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagram endpoints of a running board: live colours, focus, DOT, PlantUML, badges. */
class BoardDiagramTest {
    private static final String TOPOLOGY = """
            board: {title: Diagram test}
            defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
            entities:
              vps: {type: server, host: 127.0.0.1, check: none}
              db: {type: tcp, server: vps, host: 127.0.0.1, port: 1}
              api: {type: tcp, server: vps, host: 127.0.0.1, port: 2, depends_on: [db]}
              far: {type: tcp, host: 127.0.0.1, port: 3}
            """;

    @TempDir
    Path directory;

    private BoardHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static org.w3c.dom.Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String statusOf(org.w3c.dom.Document document, String id) {
        return document.getElementById(id) != null ? document.getElementById(id).getAttribute("data-status") : findById(document, id);
    }

    private static String findById(org.w3c.dom.Document document, String id) {
        var groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            var element = (org.w3c.dom.Element) groups.item(i);
            if (element.getAttribute("id").equals(id)) {
                return element.getAttribute("data-status");
            }
        }
        throw new AssertionError("no element " + id);
    }

    @Test
    void the_svg_shows_live_statuses_and_names_the_layout_engine() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);
        harness.awaitStatus("api", "blocked");

        var response = harness.get("/diagram.svg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        var document = parse(response.body());
        assertThat(statusOf(document, "entity-db")).isEqualTo("down");
        assertThat(statusOf(document, "entity-api")).isEqualTo("blocked");
        assertThat(statusOf(document, "server-vps")).isEqualTo("up");
        var expected = dev.topowatch.diagram.layout.DotLayoutEngine.find().isPresent() ? "dot" : "elk";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!harness.json("/api/summary").get("topology").get("layout_engine").asText().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(harness.json("/api/summary").get("topology").get("layout_engine").asText()).isEqualTo(expected);
        assertThat(parse(harness.get("/diagram.svg?theme=dark").body()).getDocumentElement().getAttribute("data-engine")).isEqualTo(expected);
    }

    @Test
    void focus_draws_one_entity_and_its_neighbours() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);

        var focused = harness.get("/diagram.svg?focus=db&depth=1").body();

        assertThat(focused).contains("data-entity=\"db\"").contains("data-entity=\"api\"").doesNotContain("data-entity=\"far\"");
        assertThat(harness.get("/diagram.svg?focus=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void dot_plantuml_and_badges_are_served() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);
        harness.awaitStatus("db", "down");

        assertThat(harness.get("/diagram.dot").body()).startsWith("digraph topology {").contains("\"api\" -> \"db\";");
        assertThat(harness.get("/diagram.puml").body()).startsWith("@startuml").contains("@enduml");
        var badge = harness.get("/badge/db.svg");
        assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(parse(badge.body()).getDocumentElement().getTextContent()).contains("db").contains("down");
        assertThat(harness.get("/badge/nope.svg").statusCode()).isEqualTo(404);
    }

    @Test
    void a_read_token_guards_the_diagram_too() throws Exception {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, TOPOLOGY.replace("board: {title: Diagram test}", "board: {title: Diagram test, read_token: r3ad}"));
        harness = BoardHarness.start(file, directory.resolve("board.db"));

        assertThat(harness.get("/diagram.svg").statusCode()).isEqualTo(401);
        assertThat(harness.get("/badge/db.svg").statusCode()).isEqualTo(401);
        assertThat(harness.get("/diagram.svg?token=r3ad").statusCode()).isEqualTo(200);
    }
}
