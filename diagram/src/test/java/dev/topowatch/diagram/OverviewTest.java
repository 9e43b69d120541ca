package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview: tiles packed to the window, open when that is readable, summaries that never hide a problem. */
class OverviewTest {
    private final DiagramService service = new DiagramService();

    @AfterEach
    void close() {
        service.close();
    }

    /** A generated topology with its two roots down and their casualties blocked. */
    private static StatusSnapshot outage(Topology topology, GeneratedTopology generated) {
        var overrides = new ArrayList<EntityStatus>();
        for (var root : generated.roots()) {
            overrides.add(Fixtures.status(root, Status.DOWN, "connection refused", List.of()));
        }
        for (var casualty : generated.casualties()) {
            var root = generated.roots().stream().filter(name -> name.startsWith(casualty.substring(0, 8))).findFirst()
                    .orElse(generated.roots().getFirst());
            overrides.add(Fixtures.status(casualty, Status.BLOCKED, "connection refused", List.of(root)));
        }
        return Fixtures.snapshot(topology, overrides.toArray(EntityStatus[]::new));
    }

    private Document draw(int entities, DiagramRequest.View view, Viewport viewport) throws Exception {
        var generated = GeneratedTopology.of(entities, 80, "");
        var topology = Fixtures.topology(generated.yaml());
        service.update(topology);
        return Svg.parse(service.svg(new DiagramRequest(view, null, 0, viewport, Theme.LIGHT), outage(topology, generated)));
    }

    private static List<Element> tiles(Document document) {
        return Svg.elements(document, "g").stream().filter(g -> g.hasAttribute("data-tile") && g.getAttribute("class").startsWith("tile")).toList();
    }

    private static Layout.Rect frame(Element tile) {
        var rect = (Element) tile.getElementsByTagNameNS("*", "rect").item(0);
        return new Layout.Rect(number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height"));
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    @Test
    void two_hundred_entities_on_twenty_five_servers_fit_a_window_not_a_strip() throws Exception {
        var document = draw(200, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);

        var root = document.getDocumentElement();
        double aspect = number(root, "width") / number(root, "height");
        assertThat(aspect).as("width to height").isBetween(1 / 3.0, 3.0);
        assertThat(tiles(document)).hasSize(25);
        assertThat(root.getAttribute("data-tiles")).isEqualTo("closed");
    }

    @ParameterizedTest(name = "{0} entities")
    @ValueSource(ints = {40, 200, 1000})
    void tiles_never_overlap_and_every_tile_is_large_enough_to_read_in_the_window(int entities) throws Exception {
        var document = draw(entities, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);

        double scale = Double.parseDouble(document.getDocumentElement().getAttribute("data-scale"));
        var frames = tiles(document).stream().map(OverviewTest::frame).toList();
        for (int a = 0; a < frames.size(); a++) {
            assertThat(frames.get(a).width() * scale).as("tile %d on screen", a).isGreaterThanOrEqualTo(60);
            assertThat(frames.get(a).height() * scale).isGreaterThanOrEqualTo(14);
            for (int b = a + 1; b < frames.size(); b++) {
                assertThat(frames.get(a).overlaps(frames.get(b))).as("tiles %d and %d", a, b).isFalse();
            }
        }
    }

    @Test
    void a_small_board_opens_every_tile_and_a_large_one_closes_them() throws Exception {
        var small = draw(40, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);
        var large = draw(1000, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);

        assertThat(small.getDocumentElement().getAttribute("data-tiles")).isEqualTo("open");
        assertThat(Svg.elements(small, "g").stream().filter(g -> g.getAttribute("class").startsWith("entity ")))
                .as("every entity but the servers has its box").hasSize(35);
        assertThat(large.getDocumentElement().getAttribute("data-tiles")).isEqualTo("closed");
        assertThat(Svg.elements(large, "g").stream().filter(g -> g.getAttribute("class").startsWith("entity ")))
                .as("only the problems have boxes").hasSize(2);
    }

    @Test
    void a_closed_tile_sums_up_its_entities_and_draws_its_root_as_a_box_with_its_casualty_count() throws Exception {
        var document = draw(200, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);

        var tile = tiles(document).stream().filter(g -> g.getAttribute("data-tile").equals("srv-001")).findFirst().orElseThrow();
        assertThat(tile.getAttribute("data-entity")).isEqualTo("srv-001");
        assertThat(tile.getAttribute("data-status")).as("its worst entity").isEqualTo("down");
        assertThat(tile.getAttribute("data-members").split(" ")).hasSize(8).contains("srv-001", "app-001-db");
        var texts = Svg.elements(document, "text").stream().filter(text -> tile.isSameNode(text.getParentNode().getParentNode()))
                .map(Element::getTextContent).toList();
        assertThat(texts).contains("▣ srv-001");
        assertThat(texts).anySatisfy(text -> assertThat(text).isIn("3 up · 1 down · 4 blocked", "3 ✔ 1 ✖ 4 ⊘"));
        var problem = Svg.byEntity(document, "app-001-db");
        assertThat(problem.getAttribute("class")).contains("problem").contains("status-down");
        assertThat(problem.getTextContent()).contains("app-001-db").containsAnyOf("blocks 4", "⊘4");
        var healthy = tiles(document).stream().filter(g -> g.getAttribute("data-tile").equals("srv-005")).findFirst().orElseThrow();
        assertThat(healthy.getAttribute("data-status")).isEqualTo("up");
    }

    @Test
    void consumers_tiles_come_before_the_tiles_they_depend_on() throws Exception {
        var document = draw(200, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);

        var frames = new HashMap<String, Layout.Rect>();
        tiles(document).forEach(tile -> frames.put(tile.getAttribute("data-tile"), frame(tile)));
        // srv-003's api needs srv-002's database: srv-002's tile is in a lower row.
        assertThat(frames.get("srv-002").y()).isGreaterThan(frames.get("srv-003").y() + frames.get("srv-003").height() - 1);
    }

    @Test
    void the_problems_view_holds_the_roots_and_their_casualties_only() throws Exception {
        var generated = GeneratedTopology.of(1000, 80, "");
        var document = draw(1000, DiagramRequest.View.PROBLEMS, Viewport.DEFAULT);

        var shown = Svg.elements(document, "g").stream().filter(g -> g.getAttribute("class").startsWith("entity "))
                .map(g -> g.getAttribute("data-entity")).toList();
        var expected = new ArrayList<>(generated.roots());
        expected.addAll(generated.casualties());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(document.getDocumentElement().getAttribute("data-tiles")).as("few enough to open").isEqualTo("open");
        assertThat(Svg.elements(document, "path").stream().filter(path -> path.getAttribute("class").contains("outage")))
                .as("the arcs from casualties to their roots").isNotEmpty();
    }

    @Test
    void with_nothing_wrong_the_problems_view_says_so() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        service.update(topology);

        var svg = service.svg(new DiagramRequest(DiagramRequest.View.PROBLEMS, null, 0, Viewport.DEFAULT, Theme.LIGHT),
                Fixtures.snapshot(topology));

        assertThat(Svg.parse(svg).getDocumentElement().getTextContent()).contains("No problems");
    }

    @Test
    void a_status_change_refills_the_summaries_without_moving_a_tile() throws Exception {
        var generated = GeneratedTopology.of(1000, 80, "");
        var topology = Fixtures.topology(generated.yaml());
        service.update(topology);
        var request = DiagramRequest.overview(Viewport.DEFAULT, Theme.LIGHT);
        var before = outage(topology, generated);
        var statuses = new HashMap<>(before.entities());
        statuses.put("app-062-web", Fixtures.status("app-062-web", Status.MAINTENANCE, null, List.of()));

        var first = Svg.parse(service.svg(request, before));
        var second = Svg.parse(service.svg(request, StatusSnapshot.of(2, Fixtures.NOW, statuses)));

        var moved = new ArrayList<String>();
        var frames = new HashMap<String, Layout.Rect>();
        tiles(first).forEach(tile -> frames.put(tile.getAttribute("data-tile"), frame(tile)));
        tiles(second).stream().filter(tile -> !frame(tile).equals(frames.get(tile.getAttribute("data-tile"))))
                .forEach(tile -> moved.add(tile.getAttribute("data-tile")));
        assertThat(moved).isEmpty();
        var tile = tiles(second).stream().filter(g -> g.getAttribute("data-tile").equals("srv-062")).findFirst().orElseThrow();
        assertThat(tile.getAttribute("data-status")).isEqualTo("maintenance");
    }

    @Test
    void a_tile_is_drawn_open_on_its_own_in_its_own_coordinates() throws Exception {
        var generated = GeneratedTopology.of(200, 80, "");
        var topology = Fixtures.topology(generated.yaml());
        service.update(topology);

        var document = Svg.parse(service.svg(new DiagramRequest(DiagramRequest.View.TILE, "srv-004", 0, Viewport.DEFAULT, Theme.LIGHT),
                outage(topology, generated)));

        var detail = Svg.elements(document, "g").stream().filter(g -> g.getAttribute("class").equals("detail")).findFirst().orElseThrow();
        assertThat(detail.getAttribute("transform")).isEqualTo("translate(0.0,0.0)");
        var boxes = Svg.elements(document, "g").stream().filter(g -> g.getAttribute("class").startsWith("entity "))
                .map(g -> g.getAttribute("data-entity")).toList();
        assertThat(boxes).containsExactlyInAnyOrder("app-004-api", "app-004-web", "app-004-worker", "app-004-cron", "app-004-cache",
                "app-004-queue", "app-004-db");
    }

    @Test
    void hostile_names_and_titles_stay_text_in_tiles() throws Exception {
        var topology = Fixtures.topology("""
                board: {title: "<script>alert(1)</script>"}
                entities:
                  vps: {type: server, host: 127.0.0.1, extra: {note: "<img src=x onerror=alert(1)>"}}
                  web: {type: api, server: vps, url: "http://127.0.0.1/", extra: {"k<>": "v&<>"}}
                """);
        service.update(topology);
        var web = new EntityStatus("web", Status.DOWN, Fixtures.NOW, Fixtures.NOW, 0, 1, 0, 0.0, null, "<b>\u202Eboom</b>", false,
                List.of(), List.of(), Map.of("k<>", "<svg onload=alert(1)>"));

        for (var viewport : List.of(Viewport.DEFAULT, new Viewport(200, 200))) {
            var svg = service.svg(DiagramRequest.overview(viewport, Theme.LIGHT), Fixtures.snapshot(topology, web));
            var document = Svg.parse(svg);
            assertThat(Svg.elements(document, "script")).isEmpty();
            assertThat(Svg.elements(document, "img")).isEmpty();
            assertThat(svg).doesNotContain("\u202E").doesNotContain("<b>");
        }
    }

    private static List<Element> projectFrames(Document document) {
        return Svg.elements(document, "g").stream().filter(g -> g.hasAttribute("data-project")).toList();
    }

    private static Layout.Rect projectRect(Element frame) {
        var rect = (Element) frame.getElementsByTagNameNS("*", "rect").item(0);
        return new Layout.Rect(number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height"));
    }

    private static boolean inside(Layout.Rect inner, Layout.Rect outer) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.x() + inner.width() <= outer.x() + outer.width() + 1e-6
                && inner.y() + inner.height() <= outer.y() + outer.height() + 1e-6;
    }

    @Test
    void projects_are_frames_around_their_own_tiles_and_the_whole_still_fits_the_window() throws Exception {
        var generated = GeneratedTopology.of(400, 80, "", 4);
        var topology = Fixtures.topology(generated.yaml());
        service.update(topology);
        var document = Svg.parse(service.svg(DiagramRequest.overview(Viewport.DEFAULT, Theme.LIGHT), outage(topology, generated)));

        var root = document.getDocumentElement();
        assertThat(root.getAttribute("data-projects")).isEqualTo("team-0 team-1 team-2 team-3");
        var frames = new HashMap<String, Layout.Rect>();
        projectFrames(document).forEach(frame -> frames.put(frame.getAttribute("data-project"), projectRect(frame)));
        assertThat(frames).containsOnlyKeys("team-0", "team-1", "team-2", "team-3");
        for (var tile : tiles(document)) {
            var id = tile.getAttribute("data-tile");
            var project = id.substring(0, id.indexOf(':'));
            assertThat(inside(frame(tile), frames.get(project))).as(id + " inside its project's frame").isTrue();
        }
        var serverTile = tiles(document).stream().filter(tile -> tile.getAttribute("data-tile").equals("team-1:srv-001")).findFirst().orElseThrow();
        assertThat(serverTile.getAttribute("data-members").split(" ")).as("what runs on a server is in the server's project")
                .contains("srv-001", "app-001-db", "app-001-api");
        var rects = List.copyOf(frames.values());
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                var a = rects.get(i);
                var b = rects.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x() || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertThat(apart).as("frames do not overlap").isTrue();
            }
        }
        double aspect = number(root, "width") / number(root, "height");
        assertThat(aspect).as("width to height").isBetween(1 / 3.0, 3.0);
        var down = projectFrames(document).stream().filter(frame -> frame.getAttribute("data-project").equals("team-1")).findFirst().orElseThrow();
        assertThat(down.getAttribute("data-status")).as("the project holding a down root").isEqualTo("down");
        double scale = Double.parseDouble(root.getAttribute("data-scale"));
        var name = Svg.elements(document, "text").stream().filter(text -> text.getAttribute("class").equals("project-name")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(name.getAttribute("font-size")) * scale).as("a project's name on screen, px").isGreaterThanOrEqualTo(12);
    }

    @Test
    void one_project_shows_its_own_entities_and_what_they_depend_on_in_other_projects() throws Exception {
        var generated = GeneratedTopology.of(400, 80, "", 4);
        var topology = Fixtures.topology(generated.yaml());
        service.update(topology);
        var request = DiagramRequest.overview(Viewport.DEFAULT, Theme.LIGHT).withProject("team-3");
        var document = Svg.parse(service.svg(request, outage(topology, generated)));

        var members = new java.util.TreeSet<String>();
        tiles(document).forEach(tile -> members.addAll(List.of(tile.getAttribute("data-members").split(" "))));
        assertThat(members).as("team-3's servers are 3, 7, 11, ...").contains("srv-003", "app-003-api", "app-007-db")
                .doesNotContain("srv-004", "app-004-api", "app-001-db");
        assertThat(members).as("app-003-api needs app-002-db, in team-2").contains("app-002-db");
        assertThat(projectFrames(document).stream().map(frame -> frame.getAttribute("data-project")))
                .containsExactlyInAnyOrder("team-2", "team-3");
        assertThat(document.getDocumentElement().getAttribute("data-projects")).as("the picker still offers every project")
                .isEqualTo("team-0 team-1 team-2 team-3");
    }

    @Test
    void without_projects_there_are_no_frames_and_tiles_keep_their_servers_names() throws Exception {
        var document = draw(200, DiagramRequest.View.OVERVIEW, Viewport.DEFAULT);

        assertThat(projectFrames(document)).isEmpty();
        assertThat(document.getDocumentElement().hasAttribute("data-projects")).isFalse();
        assertThat(tiles(document).stream().map(tile -> tile.getAttribute("data-tile"))).contains("srv-001").noneMatch(id -> id.contains(":"));
    }
}
