package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.layout.SmetanaLayoutEngine;
import dev.topowatch.diagram.svg.BoxText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to Smetana: a port of C that keeps global state, and that fails in its own ways. */
class SmetanaLayoutEngineTest {
    private final SmetanaLayoutEngine smetana = new SmetanaLayoutEngine();

    @Test
    void layouts_asked_for_at_once_are_the_same_as_one_at_a_time() throws Exception {
        var graphs = List.of(DiagramGraph.of(Fixtures.topology(Fixtures.SHOP), new BoxText()),
                DiagramGraph.of(Fixtures.topology(Topologies.tiers(60, 6)), new BoxText()),
                DiagramGraph.of(Fixtures.topology(Topologies.tiers(120, 10)), new BoxText()));
        var alone = graphs.stream().map(smetana::layout).toList();

        var tasks = new ArrayList<Callable<Layout>>();
        for (int round = 0; round < 3; round++) {
            graphs.forEach(graph -> tasks.add(() -> smetana.layout(graph)));
        }
        try (var threads = Executors.newFixedThreadPool(tasks.size())) {
            var together = threads.invokeAll(tasks);
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).as("layout %d", i).isEqualTo(alone.get(i % graphs.size()));
            }
        }
    }

    @Test
    void a_graph_smetana_cannot_lay_out_fails_with_an_exception_and_the_next_one_is_laid_out() {
        var shop = DiagramGraph.of(Fixtures.topology(Fixtures.SHOP), new BoxText());
        var huge = new DiagramGraph(
                List.of(new DiagramGraph.Node("entity-huge", DiagramGraph.NodeKind.ENTITY, "huge", "server-vps", 1e14, 1e14),
                        new DiagramGraph.Node("entity-db", DiagramGraph.NodeKind.ENTITY, "db", null, 180, 60)),
                List.of(new DiagramGraph.Cluster("server-vps", "vps")),
                List.of(new DiagramGraph.Edge("edge-huge--db", "entity-huge", "entity-db", DiagramGraph.EdgeKind.DEPENDS_ON, "huge")));

        // The port gives up on a box this size (UnsupportedOperationException inside it): the board keeps
        // its previous layout on a RuntimeException, so that is what reaches it.
        assertThatThrownBy(() -> smetana.layout(huge)).isInstanceOf(IllegalStateException.class).hasMessageContaining("smetana")
                .hasCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(smetana.layout(shop).nodes()).hasSize(shop.nodes().size());
    }
}
