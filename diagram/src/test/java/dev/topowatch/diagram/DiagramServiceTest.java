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

    @Test
    void a_first_topology_is_drawn_at_once_and_laid_out_properly_in_the_background() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);

        service.update(topology);
        var first = service.svg(Fixtures.snapshot(topology), Theme.LIGHT);
        awaitSettled();

        assertThat(Svg.parse(first).getDocumentElement().getAttribute("data-engine")).isIn("grid", "elk");
        assertThat(service.engineName()).isEqualTo("elk");
        assertThat(Svg.parse(service.svg(Fixtures.snapshot(topology), Theme.DARK)).getDocumentElement().getAttribute("data-engine"))
                .isEqualTo("elk");
    }

    @Test
    void a_new_entity_appears_before_the_new_layout_is_ready() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP);
        service.update(topology);
        awaitSettled();

        var bigger = Fixtures.topology(Fixtures.SHOP + "  newcomer: {type: tcp, host: 127.0.0.1, port: 9}\n");
        service.update(bigger);

        assertThat(Svg.byEntity(Svg.parse(service.svg(Fixtures.snapshot(bigger), Theme.LIGHT)), "newcomer")).isNotNull();
        awaitSettled();
        assertThat(Svg.byEntity(Svg.parse(service.svg(Fixtures.snapshot(bigger), Theme.LIGHT)), "newcomer")).isNotNull();
    }

    @Test
    void focus_draws_only_the_neighbourhood_of_an_entity() throws Exception {
        var topology = Fixtures.topology(Fixtures.SHOP + "  far: {type: tcp, host: 127.0.0.1, port: 9}\n");
        service.update(topology);

        var document = Svg.parse(service.focus(Fixtures.snapshot(topology), Theme.LIGHT, "db", 1));

        var shown = Svg.elements(document, "g").stream().filter(g -> g.hasAttribute("data-entity"))
                .map(g -> g.getAttribute("data-entity")).sorted().toList();
        assertThat(shown).containsExactly("api", "db", "shop", "vps");
    }
}
