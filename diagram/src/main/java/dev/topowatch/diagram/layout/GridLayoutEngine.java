package dev.topowatch.diagram.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A plain grid, instant at any size: what the board shows until the real layout of a new topology
 * is ready, so that a new entity appears at once. Clusters in rows, their boxes in rows inside them,
 * edges as straight lines.
 */
public final class GridLayoutEngine implements LayoutEngine {
    private static final double GAP = 24;
    private static final double ROW_WIDTH = 1400;

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public Layout layout(DiagramGraph graph) {
        var groups = new LinkedHashMap<String, List<DiagramGraph.Node>>();
        groups.put(null, new ArrayList<>());
        graph.clusters().forEach(cluster -> groups.put(cluster.id(), new ArrayList<>()));
        graph.nodes().forEach(node -> groups.computeIfAbsent(node.cluster(), ignored -> new ArrayList<>()).add(node));
        var nodes = new HashMap<String, Layout.Rect>();
        var clusters = new HashMap<String, Layout.Rect>();
        double x = GAP;
        double y = GAP;
        double rowHeight = 0;
        double width = 0;
        for (var group : groups.entrySet()) {
            boolean framed = group.getKey() != null;
            if (!framed && group.getValue().isEmpty()) {
                continue;
            }
            double innerX = framed ? ElkLayoutEngine.CLUSTER_PADDING : 0;
            double innerY = framed ? ElkLayoutEngine.CLUSTER_HEADER : 0;
            double lineHeight = 0;
            double groupWidth = 180;
            var placed = new HashMap<String, Layout.Rect>();
            for (var node : group.getValue()) {
                if (innerX + node.width() > 600 && innerX > ElkLayoutEngine.CLUSTER_PADDING) {
                    innerX = framed ? ElkLayoutEngine.CLUSTER_PADDING : 0;
                    innerY += lineHeight + GAP;
                    lineHeight = 0;
                }
                placed.put(node.id(), new Layout.Rect(innerX, innerY, node.width(), node.height()));
                innerX += node.width() + GAP;
                lineHeight = Math.max(lineHeight, node.height());
                groupWidth = Math.max(groupWidth, innerX);
            }
            double groupHeight = innerY + lineHeight + (framed ? ElkLayoutEngine.CLUSTER_PADDING : 0);
            groupHeight = Math.max(groupHeight, framed ? 70 : 0);
            if (x + groupWidth > ROW_WIDTH && x > GAP) {
                x = GAP;
                y += rowHeight + GAP;
                rowHeight = 0;
            }
            final double originX = x;
            final double originY = y;
            placed.forEach((id, rect) -> nodes.put(id, new Layout.Rect(originX + rect.x(), originY + rect.y(), rect.width(), rect.height())));
            if (framed) {
                clusters.put(group.getKey(), new Layout.Rect(x, y, groupWidth, groupHeight));
            }
            x += groupWidth + GAP;
            rowHeight = Math.max(rowHeight, groupHeight);
            width = Math.max(width, x);
        }
        var routes = new ArrayList<Layout.Route>();
        for (var edge : graph.edges()) {
            var from = nodes.containsKey(edge.from()) ? nodes.get(edge.from()) : clusters.get(edge.from());
            var to = nodes.containsKey(edge.to()) ? nodes.get(edge.to()) : clusters.get(edge.to());
            if (from != null && to != null) {
                routes.add(new Layout.Route(edge, List.of(new Layout.Point(from.x() + from.width() / 2, from.y() + from.height()),
                        new Layout.Point(to.x() + to.width() / 2, to.y()))));
            }
        }
        return new Layout(name(), width + GAP, y + rowHeight + GAP, nodes, clusters, routes);
    }
}
