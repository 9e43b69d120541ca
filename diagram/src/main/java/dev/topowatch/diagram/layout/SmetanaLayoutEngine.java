package dev.topowatch.diagram.layout;

import h.ST_Agedge_s;
import h.ST_Agedgeinfo_t;
import h.ST_Agnode_s;
import h.ST_Agnodeinfo_t;
import h.ST_Agobj_s;
import h.ST_Agraph_s;
import h.ST_Agraphinfo_t;
import h.ST_boxf;
import smetana.core.CString;
import smetana.core.Globals;
import smetana.core.Macro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import static gen.lib.cgraph.attr__c.agsafeset;
import static gen.lib.cgraph.edge__c.agedge;
import static gen.lib.cgraph.graph__c.agopen;
import static gen.lib.cgraph.node__c.agnode;
import static gen.lib.cgraph.subg__c.agsubg;
import static gen.lib.gvc.gvc__c.gvContext;
import static gen.lib.gvc.gvlayout__c.gvLayoutJobs;

/**
 * Smetana, PlantUML's pure-Java port of Graphviz dot: dot's ranks, clusters and splines without a native
 * install. The graph is built through the C port's own cgraph calls (no DOT text in between): servers are
 * {@code cluster_} subgraphs holding their boxes, an edge to a server goes to a small anchor inside its
 * cluster and is clipped at the frame, as dot's {@code lhead} would. Slow on big graphs (bench/README.md).
 */
public final class SmetanaLayoutEngine implements LayoutEngine {
    /** Room above a cluster's boxes for the server's name and status line, as the SVG draws them. */
    private static final int CLUSTER_LABEL_WIDTH = 160;
    private static final int CLUSTER_LABEL_HEIGHT = 26;
    private static final double MARGIN = 20;
    private static final double POINTS_PER_INCH = 72;

    /**
     * One layout at a time per JVM, as PlantUML does for its own diagrams: the port numbers every string
     * from one unsynchronised static counter ({@code CString}'s {@code UID += 2}) and maps names to cgraph
     * ids by that number, so two layouts at once could give two names one id. Rare, and a test cannot
     * force it; the price is that a focus view waits for a background layout.
     */
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    @Override
    public String name() {
        return "smetana";
    }

    @Override
    public Layout layout(DiagramGraph graph) {
        ONE_AT_A_TIME.lock();
        try {
            return new Run(graph).layout();
        } catch (RuntimeException | AssertionError | StackOverflowError failed) {
            // The port reports what it does not support with AssertionError and deep recursion may
            // overflow: the caller keeps its previous layout on a RuntimeException, so it gets one.
            throw new IllegalStateException("smetana could not lay out " + graph.nodes().size() + " boxes: " + failed, failed);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    /** One layout: the cgraph objects made for our graph, and reading the coordinates back. */
    private final class Run {
        private final DiagramGraph graph;
        private final Globals zz = Globals.open();
        private final ST_Agraph_s root;
        private final Map<String, ST_Agraph_s> clusters = new HashMap<>();
        private final Map<String, ST_Agnode_s> anchors = new HashMap<>();
        private final Map<String, ST_Agnode_s> nodes = new HashMap<>();
        private final List<ST_Agedge_s> edges = new ArrayList<>();

        Run(DiagramGraph graph) {
            this.graph = graph;
            this.root = agopen(zz, new CString("g"), zz.Agdirected, null);
        }

        Layout layout() {
            try {
                build();
                gvLayoutJobs(zz, gvContext(zz), root);
                return read();
            } finally {
                Globals.close();
            }
        }

        private void build() {
            set(root, "nodesep", "0.35");
            set(root, "ranksep", "0.6");
            int index = 0;
            for (var cluster : graph.clusters()) {
                var subgraph = agsubg(zz, root, new CString("cluster_" + index++), true);
                agsafeset(zz, subgraph, new CString("label"),
                        Macro.createHackInitDimensionFromLabel(CLUSTER_LABEL_WIDTH, CLUSTER_LABEL_HEIGHT), new CString(""));
                clusters.put(cluster.id(), subgraph);
                anchors.put(cluster.id(), box(subgraph, "a" + anchors.size(), 1, 1));
            }
            for (var node : graph.nodes()) {
                var parent = node.cluster() == null ? root : clusters.get(node.cluster());
                nodes.put(node.id(), box(parent, "n" + nodes.size(), node.width(), node.height()));
            }
            for (var edge : graph.edges()) {
                var edgeObject = agedge(zz, root, endpoint(edge.from()), endpoint(edge.to()), null, true);
                // Without it the port leaves room for an arrow at the dependent's end too.
                set(edgeObject, "arrowtail", "none");
                edges.add(edgeObject);
            }
        }

        private ST_Agnode_s endpoint(String id) {
            var node = nodes.containsKey(id) ? nodes.get(id) : anchors.get(id);
            if (node == null) {
                throw new IllegalArgumentException("edge to " + id + ", which is neither a box nor a server of this graph");
            }
            return node;
        }

        private ST_Agnode_s box(ST_Agraph_s parent, String name, double width, double height) {
            var node = agnode(zz, parent, new CString(name), true);
            set(node, "shape", "box");
            set(node, "fixedsize", "true");
            set(node, "label", "");
            set(node, "width", inches(width));
            set(node, "height", inches(height));
            return node;
        }

        private void set(ST_Agobj_s object, String attribute, String value) {
            agsafeset(zz, object, new CString(attribute), new CString(value), new CString(""));
        }

        private Layout read() {
            var bounds = ((ST_Agraphinfo_t) root.data).bb;
            var flip = new Flip(bounds);
            var placed = new HashMap<String, Layout.Rect>();
            nodes.forEach((id, node) -> placed.put(id, flip.box((ST_Agnodeinfo_t) node.data)));
            var frames = new HashMap<String, Layout.Rect>();
            clusters.forEach((id, subgraph) -> frames.put(id, flip.rect(((ST_Agraphinfo_t) subgraph.data).bb)));
            var routes = new ArrayList<Layout.Route>();
            for (int i = 0; i < edges.size(); i++) {
                var edge = graph.edges().get(i);
                var points = flip.spline((ST_Agedgeinfo_t) edges.get(i).data);
                if (points.size() < 2) {
                    continue;
                }
                routes.add(new Layout.Route(edge, RouteClipping.atFrames(points, frames.get(edge.from()), frames.get(edge.to()))));
            }
            return new Layout(name(), bounds.UR.x - bounds.LL.x + 2 * MARGIN, bounds.UR.y - bounds.LL.y + 2 * MARGIN,
                    placed, frames, routes);
        }
    }

    /** Graphviz's y grows upwards from the bounding box's lower left; ours grows down from a margin. */
    private record Flip(double left, double top) {
        Flip(ST_boxf bounds) {
            this(bounds.LL.x, bounds.UR.y);
        }

        Layout.Point point(double x, double y) {
            return new Layout.Point(x - left + MARGIN, top - y + MARGIN);
        }

        Layout.Rect box(ST_Agnodeinfo_t node) {
            double width = node.width * POINTS_PER_INCH;
            double height = node.height * POINTS_PER_INCH;
            var corner = point(node.coord.x - width / 2, node.coord.y + height / 2);
            return new Layout.Rect(corner.x(), corner.y(), width, height);
        }

        Layout.Rect rect(ST_boxf box) {
            var corner = point(box.LL.x, box.UR.y);
            return new Layout.Rect(corner.x(), corner.y(), box.UR.x - box.LL.x, box.UR.y - box.LL.y);
        }

        /** The first bezier's control points as a polyline (as DotLayoutEngine reads dot's), the arrow tip last. */
        List<Layout.Point> spline(ST_Agedgeinfo_t edge) {
            var points = new ArrayList<Layout.Point>();
            if (edge.spl == null || edge.spl.size == 0) {
                return points;
            }
            var bezier = edge.spl.list.get__(0);
            for (int i = 0; i < bezier.size; i++) {
                var point = bezier.list.get__(i);
                points.add(point(point.x, point.y));
            }
            if (bezier.eflag != 0) {
                points.add(point(bezier.ep.x, bezier.ep.y));
            }
            return points;
        }
    }

    private static String inches(double points) {
        return String.format(Locale.ROOT, "%.4f", points / POINTS_PER_INCH);
    }
}
