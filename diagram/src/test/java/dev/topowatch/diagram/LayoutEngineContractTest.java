package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.DotLayoutEngine;
import dev.topowatch.diagram.layout.ElkLayoutEngine;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.layout.LayoutEngine;
import dev.topowatch.diagram.layout.SmetanaLayoutEngine;
import dev.topowatch.diagram.svg.BoxText;
import dev.topowatch.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every real layout engine must give the SVG, whichever one {@code board.layout} picks: boxes at
 * the size they asked for, apart from each other, inside their server's frame; each edge leaving the
 * dependent and ending at what it needs, dependents above; the same picture every time.
 */
class LayoutEngineContractTest {
    /** dot rounds its coordinates to whole points; the others are exact. */
    private static final double ROUNDING = 0.5;
    /** How far an edge's end may be from the box it attaches to (dot stops short at a diamond's point). */
    private static final double ATTACHED = 3;

    static Stream<Arguments> cases() {
        var cases = new ArrayList<Arguments>();
        for (var engine : new String[] {"elk", "dot", "smetana"}) {
            cases.add(Arguments.of(engine, "shop"));
            cases.add(Arguments.of(engine, "three hundred"));
        }
        return cases.stream();
    }

    private static LayoutEngine engine(String name) {
        return switch (name) {
            case "elk" -> new ElkLayoutEngine();
            case "smetana" -> new SmetanaLayoutEngine();
            case "dot" -> new DotLayoutEngine(GraphvizCli.dot());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Topology topology(String name) {
        return name.equals("shop") ? Fixtures.topology(Fixtures.SHOP) : Fixtures.topology(Topologies.tiers(300, 20));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void every_box_is_placed_at_its_size_apart_from_the_others_and_inside_its_server(String engineName, String topologyName) {
        var graph = DiagramGraph.of(topology(topologyName), new BoxText());

        var layout = engine(engineName).layout(graph);

        assertThat(layout.engine()).isEqualTo(engineName);
        assertThat(layout.nodes().keySet()).containsExactlyInAnyOrderElementsOf(graph.nodes().stream().map(DiagramGraph.Node::id).toList());
        assertThat(layout.clusters().keySet()).containsExactlyInAnyOrderElementsOf(graph.clusters().stream().map(DiagramGraph.Cluster::id).toList());
        for (var node : graph.nodes()) {
            var box = layout.nodes().get(node.id());
            assertThat(box.width()).as(node.id()).isCloseTo(node.width(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(box.height()).as(node.id()).isCloseTo(node.height(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(box.x()).as(node.id()).isGreaterThanOrEqualTo(-ROUNDING);
            assertThat(box.y()).as(node.id()).isGreaterThanOrEqualTo(-ROUNDING);
            assertThat(box.x() + box.width()).as(node.id()).isLessThanOrEqualTo(layout.width() + ROUNDING);
            assertThat(box.y() + box.height()).as(node.id()).isLessThanOrEqualTo(layout.height() + ROUNDING);
            if (node.cluster() != null) {
                var frame = layout.clusters().get(node.cluster());
                assertThat(box.x()).as(node.id()).isGreaterThanOrEqualTo(frame.x() - ROUNDING);
                assertThat(box.y()).as(node.id()).isGreaterThanOrEqualTo(frame.y() - ROUNDING);
                assertThat(box.x() + box.width()).as(node.id()).isLessThanOrEqualTo(frame.x() + frame.width() + ROUNDING);
                assertThat(box.y() + box.height()).as(node.id()).isLessThanOrEqualTo(frame.y() + frame.height() + ROUNDING);
            }
        }
        var boxes = new ArrayList<>(layout.nodes().entrySet());
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                assertThat(shrunk(boxes.get(a).getValue()).overlaps(shrunk(boxes.get(b).getValue())))
                        .as("%s overlaps %s", boxes.get(a).getKey(), boxes.get(b).getKey()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void every_edge_runs_from_the_dependent_to_what_it_needs_with_dependents_above(String engineName, String topologyName) {
        var graph = DiagramGraph.of(topology(topologyName), new BoxText());

        var layout = engine(engineName).layout(graph);

        assertThat(layout.routes()).extracting(Layout.Route::edge).containsExactlyInAnyOrderElementsOf(graph.edges());
        for (var route : layout.routes()) {
            var edge = route.edge();
            assertThat(route.points()).as(edge.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(attachment(route.points().getFirst(), layout, edge.from())).as("%s starts at %s", edge.id(), edge.from())
                    .isLessThanOrEqualTo(ATTACHED);
            assertThat(attachment(route.points().getLast(), layout, edge.to())).as("%s ends at %s", edge.id(), edge.to())
                    .isLessThanOrEqualTo(ATTACHED);
            if (layout.nodes().containsKey(edge.from()) && layout.nodes().containsKey(edge.to())) {
                var from = layout.nodes().get(edge.from());
                var to = layout.nodes().get(edge.to());
                assertThat(from.y() + from.height() / 2).as("%s: the dependent is above", edge.id()).isLessThan(to.y() + to.height() / 2);
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void the_same_graph_is_laid_out_the_same_every_time(String engineName, String topologyName) {
        var first = engine(engineName).layout(DiagramGraph.of(topology(topologyName), new BoxText()));
        var second = engine(engineName).layout(DiagramGraph.of(topology(topologyName), new BoxText()));

        assertThat(second).isEqualTo(first);
    }

    private static Layout.Rect rect(Layout layout, String id) {
        var rect = layout.nodes().containsKey(id) ? layout.nodes().get(id) : layout.clusters().get(id);
        assertThat(rect).as(id).isNotNull();
        return rect;
    }

    /** Boxes may touch where dot rounds their coordinates, never overlap. */
    private static Layout.Rect shrunk(Layout.Rect rect) {
        return new Layout.Rect(rect.x() + ROUNDING, rect.y() + ROUNDING, rect.width() - 2 * ROUNDING, rect.height() - 2 * ROUNDING);
    }

    /**
     * How far an edge's end is from where it should attach: a box (or a diamond inside its box) anywhere
     * on or in it; a server on its frame, not at the anchor inside it that the layout routed it to.
     */
    private static double attachment(Layout.Point point, Layout layout, String id) {
        var rect = rect(layout, id);
        double dx = Math.max(Math.max(rect.x() - point.x(), 0), point.x() - (rect.x() + rect.width()));
        double dy = Math.max(Math.max(rect.y() - point.y(), 0), point.y() - (rect.y() + rect.height()));
        double outside = Math.hypot(dx, dy);
        if (outside > 0 || layout.nodes().containsKey(id)) {
            return outside;
        }
        return Math.min(Math.min(point.x() - rect.x(), rect.x() + rect.width() - point.x()),
                Math.min(point.y() - rect.y(), rect.y() + rect.height() - point.y()));
    }
}
