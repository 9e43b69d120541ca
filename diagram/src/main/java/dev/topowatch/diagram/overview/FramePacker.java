package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.layout.Layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tiles packed in two levels when they belong to projects: each project's tiles into its frame, the
 * frames into the window. Without projects it is one {@link ShelfPacker} run. The frames' shape is
 * chosen with the whole in mind: for each number of frame columns, every frame is packed for its share
 * of the window, and the number that shows the whole at the largest scale wins.
 */
final class FramePacker {
    /** Frame columns tried: enough for a few dozen projects without a cost that grows with them. */
    private static final int MAX_COLUMNS = 8;
    /** A frame's name, in window pixels when closed, drawing units when open: readable at the opening view. */
    static final double TITLE_FONT = 15;

    /** A project's frame: its name (never null) and where it lies. */
    record Frame(String project, Layout.Rect rect) {
    }

    /** Where each tile went, the frames around them, and the size of the whole. */
    record Packing(Map<String, Layout.Rect> placed, List<Frame> frames, double width, double height) {
        Packing {
            placed = Map.copyOf(placed);
            frames = List.copyOf(frames);
        }

        double scaleIn(double windowWidth, double windowHeight) {
            return Math.min(windowWidth / width, windowHeight / height);
        }
    }

    private FramePacker() {
    }

    /**
     * @param items       the tiles in order (by rank, then id), each with its project
     * @param titleHeight the room a frame's name takes above its tiles, in drawing units
     */
    static Packing pack(List<Tile> order, List<ShelfPacker.Item> items, double gap, double titleHeight, double windowWidth,
                        double windowHeight) {
        var byProject = new TreeMap<String, List<ShelfPacker.Item>>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (int i = 0; i < order.size(); i++) {
            byProject.computeIfAbsent(order.get(i).project(), ignored -> new ArrayList<>()).add(items.get(i));
        }
        if (byProject.isEmpty() || byProject.size() == 1 && byProject.firstKey() == null) {
            var plain = ShelfPacker.pack(items, gap, windowWidth, windowHeight);
            return new Packing(plain.placed(), List.of(), plain.width(), plain.height());
        }
        Packing best = null;
        int frames = byProject.size();
        for (int columns = 1; columns <= Math.min(frames, MAX_COLUMNS); columns++) {
            int rows = (frames + columns - 1) / columns;
            var packing = framed(byProject, gap, titleHeight, windowWidth / columns, windowHeight / rows, windowWidth, windowHeight);
            if (best == null || packing.scaleIn(windowWidth, windowHeight) > best.scaleIn(windowWidth, windowHeight)) {
                best = packing;
            }
        }
        return best;
    }

    private static Packing framed(Map<String, List<ShelfPacker.Item>> byProject, double gap, double titleHeight, double shareWidth,
                                  double shareHeight, double windowWidth, double windowHeight) {
        var inner = new HashMap<String, ShelfPacker.Packing>();
        var frameItems = new ArrayList<ShelfPacker.Item>(byProject.size());
        for (var entry : byProject.entrySet()) {
            var name = frameName(entry.getKey());
            var packing = ShelfPacker.pack(entry.getValue(), gap, shareWidth, shareHeight);
            inner.put(name, packing);
            frameItems.add(new ShelfPacker.Item(name, packing.width(), packing.height() + titleHeight, 0));
        }
        var outer = ShelfPacker.pack(frameItems, gap, windowWidth, windowHeight);
        var placed = new HashMap<String, Layout.Rect>();
        var frames = new ArrayList<Frame>(frameItems.size());
        for (var item : frameItems) {
            var frame = outer.placed().get(item.id());
            frames.add(new Frame(item.id(), frame));
            inner.get(item.id()).placed().forEach((tile, rect) ->
                    placed.put(tile, new Layout.Rect(frame.x() + rect.x(), frame.y() + titleHeight + rect.y(), rect.width(), rect.height())));
        }
        return new Packing(placed, frames, outer.width(), outer.height());
    }

    /** What entities of no project are framed as, beside the named projects. */
    static String frameName(String project) {
        return project == null ? "(no project)" : project;
    }
}
