package dev.topowatch.diagram;

import dev.topowatch.diagram.svg.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DiagramServiceTest {
    private final DiagramService service = new DiagramService();

    @AfterEach
    void close() {
        service.close();
    }

    private void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!service.isSettled() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(service.isSettled()).isTrue();
    }

    private static DiagramRequest layered(Theme theme) {
        return new DiagramRequest(DiagramRequest.View.LAYERED, null, 0, Viewport.DEFAULT, theme);
    }

    @Test
    void the_layered_view_is_drawn_at_once_and_laid_out_properly_in_the_background() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);

        service.update(topology);
        var first = service.svg(layered(Theme.LIGHT), Fixtures.snapshot(topology));
        awaitSettled();

        var expected = dev.topowatch.diagram.layout.DotLayoutEngine.find().isPresent() ? "dot" : "elk";
        assertThat(Svg.parse(first).getDocumentElement().getAttribute("data-engine")).isIn("grid", expected);
        assertThat(service.engineName()).isEqualTo(expected);
        assertThat(Svg.parse(service.svg(layered(Theme.DARK), Fixtures.snapshot(topology))).getDocumentElement().getAttribute("data-engine"))
                .isEqualTo(expected);
    }

    @Test
    void a_new_entity_appears_in_the_layered_view_before_its_new_layout_is_ready() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        service.update(topology);
        service.svg(layered(Theme.LIGHT), Fixtures.snapshot(topology));
        awaitSettled();

        var bigger = Fixtures.topology(Fixtures.SHOP + "  newcomer: {type: tcp, host: 127.0.0.1, port: 9}\n");
        service.update(bigger);

        assertThat(Svg.byEntity(Svg.parse(service.svg(layered(Theme.LIGHT), Fixtures.snapshot(bigger))), "newcomer")).isNotNull();
        awaitSettled();
        assertThat(Svg.byEntity(Svg.parse(service.svg(layered(Theme.LIGHT), Fixtures.snapshot(bigger))), "newcomer")).isNotNull();
    }

    @Test
    void the_layout_setting_picks_the_engine() {
        var dotInstalled = dev.topowatch.diagram.layout.DotLayoutEngine.find().isPresent();

        assertThat(DiagramService.engine(dev.topowatch.topology.Board.Layout.ELK).name()).isEqualTo("elk");
        assertThat(DiagramService.engine(dev.topowatch.topology.Board.Layout.SMETANA).name()).isEqualTo("smetana");
        assertThat(DiagramService.engine(dev.topowatch.topology.Board.Layout.AUTO).name()).isEqualTo(dotInstalled ? "dot" : "elk");
        assertThat(DiagramService.engine(dev.topowatch.topology.Board.Layout.DOT).name()).isEqualTo(dotInstalled ? "dot" : "elk");
        assertThat(dev.topowatch.diagram.layout.LayoutEngines.choose(dev.topowatch.topology.Board.Layout.DOT).note())
                .isEqualTo(dotInstalled ? null : "layout dot requested but no dot binary on the PATH; using elk");
    }

    @Test
    void focus_draws_only_the_neighbourhood_of_an_entity() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP + "  far: {type: tcp, host: 127.0.0.1, port: 9}\n");
        service.update(topology);

        var document = Svg.parse(service.svg(new DiagramRequest(DiagramRequest.View.FOCUS, "db", 1, Viewport.DEFAULT, Theme.LIGHT),
                Fixtures.snapshot(topology)));

        var shown = Svg.elements(document, "g").stream().filter(g -> g.hasAttribute("data-entity"))
                .map(g -> g.getAttribute("data-entity")).sorted().toList();
        assertThat(shown).containsExactly("api", "db", "shop", "vps");
    }
}
