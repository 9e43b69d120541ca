package dev.topowatch.diagram;

import dev.topowatch.diagram.svg.Theme;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** board.layout reaches the board: what the setting names is what draws the served diagram. */
class LayoutSettingTest {

    @Test
    void a_board_set_to_smetana_is_drawn_by_smetana() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP.replace("board: {title: Shop}", "board: {title: Shop, layout: smetana}"));

        try (var service = new DiagramService()) {
            service.update(topology);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!service.isSettled() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(service.engineName()).isEqualTo("smetana");
            var svg = Svg.parse(service.svg(Fixtures.snapshot(topology), Theme.LIGHT));
            assertThat(svg.getDocumentElement().getAttribute("data-engine")).isEqualTo("smetana");
            assertThat(Svg.byEntity(svg, "api").getAttribute("data-server")).isEqualTo("vps");
        }
        assertThat(DiagramService.render(topology, Fixtures.snapshot(topology), Theme.LIGHT)).contains("data-engine=\"smetana\"");
    }
}
