package dev.topowatch.diagram;

import dev.topowatch.diagram.svg.Theme;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** board.layout reaches the board: what the setting names is what draws the served diagram. */
class LayoutSettingTest {

    private static final DiagramRequest LAYERED = new DiagramRequest(DiagramRequest.View.LAYERED, null, 0, Viewport.DEFAULT, Theme.LIGHT);

    @Test
    void a_board_set_to_smetana_is_drawn_by_smetana() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP.replace("board: {title: Shop}", "board: {title: Shop, layout: smetana}"));

        try (var service = new DiagramService()) {
            service.update(topology);
            service.svg(LAYERED, Fixtures.snapshot(topology));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!service.isSettled() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(service.engineName()).isEqualTo("smetana");
            var svg = Svg.parse(service.svg(LAYERED, Fixtures.snapshot(topology)));
            assertThat(svg.getDocumentElement().getAttribute("data-engine")).isEqualTo("smetana");
            assertThat(Svg.byEntity(svg, "api").getAttribute("data-server")).isEqualTo("vps");
        }
        assertThat(DiagramService.render(topology, Fixtures.snapshot(topology), LAYERED)).contains("data-engine=\"smetana\"");
        var focus = new DiagramRequest(DiagramRequest.View.FOCUS, "db", 1, Viewport.DEFAULT, Theme.LIGHT);
        assertThat(DiagramService.render(topology, Fixtures.snapshot(topology), focus)).contains("data-engine=\"smetana\"");
    }
}
