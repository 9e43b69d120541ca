package dev.topowatch.diagram.layout;

import java.util.List;
import java.util.Map;

/**
 * Where everything goes, in absolute coordinates: what a layout engine computes once per topology.
 *
 * @param engine the engine that produced it, for logs and /api/summary
 */
public record Layout(String engine, double width, double height, Map<String, Rect> nodes, Map<String, Rect> clusters,
                     List<Route> routes) {

    public record Rect(double x, double y, double width, double height) {
        public boolean overlaps(Rect other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }

    public record Point(double x, double y) {
    }

    /** An edge's path, start to end. */
    public record Route(DiagramGraph.Edge edge, List<Point> points) {
        public Route {
            points = List.copyOf(points);
        }
    }

    public Layout {
        nodes = Map.copyOf(nodes);
        clusters = Map.copyOf(clusters);
        routes = List.copyOf(routes);
    }
}
