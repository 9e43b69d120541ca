package dev.topowatch.diagram.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends an edge at a server's frame instead of at the small anchor inside it that the layout routed it to:
 * what dot's {@code ltail}/{@code lhead} do, for engines that lack them.
 */
final class RouteClipping {

    private RouteClipping() {
    }

    /**
     * {@code points} from the dependent to the dependency; {@code fromFrame} / {@code toFrame} the frames of
     * servers at either end (null for a box). A route that never leaves the frame is kept as it is.
     */
    static List<Layout.Point> atFrames(List<Layout.Point> points, Layout.Rect fromFrame, Layout.Rect toFrame) {
        var clipped = points;
        if (toFrame != null) {
            clipped = untilEntering(clipped, toFrame);
        }
        if (fromFrame != null) {
            clipped = untilEntering(clipped.reversed(), fromFrame).reversed();
        }
        return clipped;
    }

    /** The route up to where it first enters {@code frame} from outside. */
    private static List<Layout.Point> untilEntering(List<Layout.Point> points, Layout.Rect frame) {
        for (int i = 1; i < points.size(); i++) {
            var outside = points.get(i - 1);
            var inside = points.get(i);
            if (!contains(frame, outside) && contains(frame, inside)) {
                var kept = new ArrayList<>(points.subList(0, i));
                kept.add(entry(outside, inside, frame));
                return kept;
            }
        }
        return points;
    }

    private static boolean contains(Layout.Rect frame, Layout.Point point) {
        return point.x() >= frame.x() && point.x() <= frame.x() + frame.width()
                && point.y() >= frame.y() && point.y() <= frame.y() + frame.height();
    }

    /** Where the segment from a point outside to one inside crosses the frame (Liang-Barsky's entry). */
    private static Layout.Point entry(Layout.Point outside, Layout.Point inside, Layout.Rect frame) {
        double dx = inside.x() - outside.x();
        double dy = inside.y() - outside.y();
        double enter = Math.max(0, Math.max(slabEntry(outside.x(), dx, frame.x(), frame.x() + frame.width()),
                slabEntry(outside.y(), dy, frame.y(), frame.y() + frame.height())));
        return new Layout.Point(outside.x() + enter * dx, outside.y() + enter * dy);
    }

    private static double slabEntry(double start, double delta, double low, double high) {
        if (delta == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.min((low - start) / delta, (high - start) / delta);
    }
}
