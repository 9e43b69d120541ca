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
              far: {type: command, command: ["true"]}
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
    void the_overview_shows_live_statuses_and_each_server_as_a_tile_coloured_by_its_worst_entity() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);
        harness.awaitStatus("api", "blocked");
        harness.awaitStatus("far", "up");

        var response = harness.get("/diagram.svg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        var document = parse(response.body());
        assertThat(document.getDocumentElement().getAttribute("data-view")).isEqualTo("overview");
        assertThat(statusOf(document, "entity-db")).isEqualTo("down");
        assertThat(statusOf(document, "entity-api")).isEqualTo("blocked");
        assertThat(statusOf(document, "tile-vps")).as("the server is up, but the worst on it is down").isEqualTo("down");
        assertThat(statusOf(document, "tile-(other)")).isEqualTo("up");
    }

    @Test
    void the_layered_view_names_its_layout_engine_once_laid_out() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);
        assertThat(parse(harness.get("/diagram.svg?view=layered").body()).getDocumentElement().getAttribute("data-view")).isEqualTo("layered");

        var expected = dev.topowatch.diagram.layout.DotLayoutEngine.find().isPresent() ? "dot" : "elk";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!harness.json("/api/summary").get("topology").get("layout_engine").asText().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(harness.json("/api/summary").get("topology").get("layout_engine").asText()).isEqualTo(expected);
        assertThat(parse(harness.get("/diagram.svg?view=layered&theme=dark").body()).getDocumentElement().getAttribute("data-engine"))
                .isEqualTo(expected);
    }

    @Test
    void the_problems_view_draws_only_what_is_wrong() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);
        harness.awaitStatus("api", "blocked");
        harness.awaitStatus("far", "up");

        var problems = harness.get("/diagram.svg?view=problems").body();

        assertThat(problems).contains("data-view=\"problems\"").contains("data-entity=\"db\"").contains("data-entity=\"api\"")
                .doesNotContain("data-entity=\"far\"");
        assertThat(parse(problems).getDocumentElement().getAttribute("data-problems")).isEqualTo("api:blocked db:down");
    }

    @Test
    void a_tile_is_served_open_on_its_own_for_the_page_to_open_in_place() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);

        var tile = harness.get("/diagram.svg?tile=vps").body();

        assertThat(tile).contains("class=\"detail\"").contains("data-entity=\"db\"").contains("data-entity=\"api\"")
                .doesNotContain("data-entity=\"far\"");
        assertThat(harness.get("/diagram.svg?tile=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void a_project_is_drawn_on_its_own_and_an_unknown_one_is_named_with_those_there_are() throws Exception {
        harness = BoardHarness.start(directory, """
                entities:
                  shop-vps: {type: server, host: 127.0.0.1, check: none, project: shop}
                  shop-api: {type: tcp, server: shop-vps, host: 127.0.0.1, port: 1, depends_on: [ledger]}
                  blog-vps: {type: server, host: 127.0.0.1, check: none, project: blog}
                  blog-web: {type: tcp, server: blog-vps, host: 127.0.0.1, port: 1}
                  ledger: {type: tcp, host: 127.0.0.1, port: 1, project: finance}
                """);

        var whole = parse(harness.get("/diagram.svg").body());
        var shop = harness.get("/diagram.svg?project=shop").body();
        var unknown = harness.get("/diagram.svg?project=nope");
        var layered = harness.get("/diagram.svg?view=layered&project=shop");

        assertThat(whole.getDocumentElement().getAttribute("data-projects")).isEqualTo("blog finance shop");
        assertThat(shop).contains("data-project=\"shop\"").contains("data-entity=\"shop-api\"")
                .as("what the shop depends on elsewhere").contains("data-project=\"finance\"")
                .doesNotContain("data-project=\"blog\"").doesNotContain("blog-web");
        assertThat(harness.get("/diagram.png?project=shop&width=800&height=600").statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no project named 'nope'").contains("blog, finance, shop");
        assertThat(layered.statusCode()).isEqualTo(400);
    }

    @Test
    void bad_view_parameters_are_refused_naming_the_parameter() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);

        var view = harness.get("/diagram.svg?view=strip");
        var width = harness.get("/diagram.png?width=5");

        assertThat(view.statusCode()).isEqualTo(400);
        assertThat(view.body()).contains("'view' must be overview, problems or layered");
        assertThat(width.statusCode()).isEqualTo(400);
        assertThat(width.body()).contains("'width' must be between 200 and 10000");
    }

    @Test
    void the_png_is_the_same_picture_with_the_down_root_drawn_red_where_the_svg_has_it() throws Exception {
        harness = BoardHarness.start(directory, TOPOLOGY);
        harness.awaitStatus("api", "blocked");
        harness.awaitStatus("far", "up");
        var svg = parse(harness.get("/diagram.svg?width=800&height=600").body());

        var response = harness.http.send(java.net.http.HttpRequest.newBuilder(harness.uri("/diagram.png?width=800&height=600")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isLessThanOrEqualTo(800);
        assertThat(image.getHeight()).isLessThanOrEqualTo(600);
        assertThat(Math.max(image.getWidth() / 800.0, image.getHeight() / 600.0)).as("fitted to the window").isGreaterThan(0.99);
        var root = svg.getDocumentElement();
        double scale = image.getWidth() / Double.parseDouble(root.getAttribute("width"));
        double offset = Double.parseDouble(root.getAttribute("data-content-top"));
        var down = fill(image, scale, offset, box(svg, "entity-db"));
        var up = fill(image, scale, offset, box(svg, "entity-far"));
        assertThat(down.getRed()).as("the root's box is washed red: %s", down).isGreaterThan(down.getGreen() + 12);
        assertThat(up.getGreen()).as("an up box is washed green: %s", up).isGreaterThan(up.getRed() + 8);
    }

    /** The colour inside a box near its bottom right corner, clear of its text and its outline. */
    private static java.awt.Color fill(java.awt.image.BufferedImage image, double scale, double offset, double[] box) {
        int x = (int) Math.round((box[0] + box[2] - 10) * scale);
        int y = (int) Math.round((offset + box[1] + box[3] - 6) * scale);
        return new java.awt.Color(image.getRGB(x, y));
    }

    /** x, y, width, height of the box of the group with {@code id}, in the content's coordinates plus its tile's translation. */
    private static double[] box(org.w3c.dom.Document document, String id) {
        var groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            var group = (org.w3c.dom.Element) groups.item(i);
            if (group.getAttribute("id").equals(id)) {
                var rect = (org.w3c.dom.Element) group.getElementsByTagName("rect").item(0);
                var parent = (org.w3c.dom.Element) group.getParentNode();
                var translate = parent.getAttribute("transform").replaceAll("[^0-9.,-]", "").split(",");
                double dx = translate.length == 2 ? Double.parseDouble(translate[0]) : 0;
                double dy = translate.length == 2 ? Double.parseDouble(translate[1]) : 0;
                return new double[] {dx + Double.parseDouble(rect.getAttribute("x")), dy + Double.parseDouble(rect.getAttribute("y")),
                        Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height"))};
            }
        }
        throw new AssertionError("no element " + id);
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
