package dev.topowatch.diagram.layout;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;


/**
 * Eclipse ELK's layered algorithm: pure Java, so a fresh machine needs no install, and it returns
 * coordinates, so the SVG (ids, classes, styles) stays ours. Dependents above what they need;
 * servers as compound nodes holding their entities.
 */
public final class ElkLayoutEngine implements LayoutEngine {
    static final double CLUSTER_HEADER = 34;
    static final double CLUSTER_PADDING = 14;
    static final double MARGIN = 20;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    @Override
    public String name() {
        return "elk";
    }

    @Override
    public Layout layout(DiagramGraph graph) {
        var root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
        // Fewer crossing-minimisation sweeps than the default 7: most of the time at 2,000 entities,
        // for a picture that is hardly worse (bench/README.md, "Diagram").
        root.setProperty(LayeredOptions.THOROUGHNESS, 2);

        var elkNodes = new HashMap<String, ElkNode>();
        for (var cluster : graph.clusters()) {
            var node = ElkGraphUtil.createNode(root);
            node.setIdentifier(cluster.id());
            node.setProperty(CoreOptions.PADDING, new ElkPadding(CLUSTER_HEADER, CLUSTER_PADDING, CLUSTER_PADDING, CLUSTER_PADDING));
            node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(180, 70));
            elkNodes.put(cluster.id(), node);
        }
        for (var node : graph.nodes()) {
            var parent = node.cluster() == null ? root : elkNodes.get(node.cluster());
            var elk = ElkGraphUtil.createNode(parent);
            elk.setIdentifier(node.id());
            elk.setDimensions(node.width(), node.height());
            elkNodes.put(node.id(), elk);
        }
        var elkEdges = new IdentityHashMap<ElkEdge, DiagramGraph.Edge>();
        for (var edge : graph.edges()) {
            var source = elkNodes.get(edge.from());
            var target = elkNodes.get(edge.to());
            if (source == null || target == null || source == target) {
                continue;
            }
            var elk = ElkGraphUtil.createSimpleEdge(source, target);
            elk.setIdentifier(edge.id());
            elkEdges.put(elk, edge);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        var nodes = new HashMap<String, Layout.Rect>();
        var clusters = new HashMap<String, Layout.Rect>();
        for (var cluster : graph.clusters()) {
            clusters.put(cluster.id(), absolute(elkNodes.get(cluster.id())));
        }
        for (var node : graph.nodes()) {
            nodes.put(node.id(), absolute(elkNodes.get(node.id())));
        }
        var routes = new ArrayList<Layout.Route>();
        for (var edge : graph.edges()) {
            elkEdges.entrySet().stream().filter(entry -> entry.getValue() == edge).findFirst()
                    .ifPresent(entry -> routes.add(new Layout.Route(edge, points(entry.getKey()))));
        }
        return new Layout(name(), root.getWidth(), root.getHeight(), nodes, clusters, routes);
    }

    private static Layout.Rect absolute(ElkNode node) {
        double x = node.getX();
        double y = node.getY();
        for (var parent = node.getParent(); parent != null; parent = parent.getParent()) {
            x += parent.getX();
            y += parent.getY();
        }
        return new Layout.Rect(x, y, node.getWidth(), node.getHeight());
    }

    /** Section coordinates are relative to the edge's container; turn them absolute. */
    private static List<Layout.Point> points(ElkEdge edge) {
        var container = edge.getContainingNode();
        var origin = container == null ? new Layout.Rect(0, 0, 0, 0) : absolute(container);
        var points = new ArrayList<Layout.Point>();
        for (var section : edge.getSections()) {
            points.add(new Layout.Point(origin.x() + section.getStartX(), origin.y() + section.getStartY()));
            section.getBendPoints().forEach(bend -> points.add(new Layout.Point(origin.x() + bend.getX(), origin.y() + bend.getY())));
            points.add(new Layout.Point(origin.x() + section.getEndX(), origin.y() + section.getEndY()));
        }
        return points;
    }

}
