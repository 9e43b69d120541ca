package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.layout.Layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs rectangles into rows ("shelves") so that the whole fits a window of a given shape as large as
 * it can: every row width from the widest item to all in one row is tried, and the one that lets the
 * window show the packing at the largest scale wins. Items keep their order, so ordering them by rank
 * puts consumers above what they depend on; a new rank starts a new row when that costs little.
 */
public final class ShelfPacker {
    private static final int CANDIDATES = 64;
    /** A new row per rank is kept unless it shrinks the picture by more than this. */
    private static final double RANK_ROWS_TOLERANCE = 0.93;

    /** An item to place, in order; {@code rank} groups rows. */
    public record Item(String id, double width, double height, int rank) {
    }

    /** Where each item went, and the size of the whole. */
    public record Packing(Map<String, Layout.Rect> placed, double width, double height) {
        public Packing {
            placed = Map.copyOf(placed);
        }

        /** How much the window must shrink (below 1) or may grow (above 1) the packing to show it whole. */
        public double scaleIn(double windowWidth, double windowHeight) {
            return Math.min(windowWidth / width, windowHeight / height);
        }
    }

    private ShelfPacker() {
    }

    public static Packing pack(List<Item> items, double gap, double windowWidth, double windowHeight) {
        if (items.isEmpty()) {
            return new Packing(Map.of(), gap, gap);
        }
        double widest = items.stream().mapToDouble(Item::width).max().orElse(0);
        double all = items.stream().mapToDouble(item -> item.width() + gap).sum();
        double bestLimit = widest;
        double bestScale = 0;
        double bestByRankLimit = widest;
        double bestByRankScale = 0;
        for (int i = 0; i <= CANDIDATES; i++) {
            double limit = widest * Math.pow(all / widest, (double) i / CANDIDATES);
            double plain = scale(run(items, limit, gap, false, null), windowWidth, windowHeight);
            double byRank = scale(run(items, limit, gap, true, null), windowWidth, windowHeight);
            if (plain > bestScale) {
                bestScale = plain;
                bestLimit = limit;
            }
            if (byRank > bestByRankScale) {
                bestByRankScale = byRank;
                bestByRankLimit = limit;
            }
        }
        var placed = new HashMap<String, Layout.Rect>();
        boolean rowPerRank = bestByRankScale >= RANK_ROWS_TOLERANCE * bestScale;
        var size = run(items, rowPerRank ? bestByRankLimit : bestLimit, gap, rowPerRank, placed);
        return new Packing(placed, size[0], size[1]);
    }

    private static double scale(double[] size, double windowWidth, double windowHeight) {
        return Math.min(windowWidth / size[0], windowHeight / size[1]);
    }

    /** Rows of at most {@code limit} wide; fills {@code placed} when given; the size of the whole. */
    private static double[] run(List<Item> items, double limit, double gap, boolean rowPerRank, Map<String, Layout.Rect> placed) {
        double x = gap;
        double y = gap;
        double rowHeight = 0;
        double width = 0;
        int rank = items.getFirst().rank();
        for (var item : items) {
            boolean full = x > gap && x + item.width() > limit + gap;
            boolean nextRank = rowPerRank && item.rank() != rank && x > gap;
            if (full || nextRank) {
                y += rowHeight + gap;
                x = gap;
                rowHeight = 0;
            }
            rank = item.rank();
            if (placed != null) {
                placed.put(item.id(), new Layout.Rect(x, y, item.width(), item.height()));
            }
            x += item.width() + gap;
            rowHeight = Math.max(rowHeight, item.height());
            width = Math.max(width, x);
        }
        return new double[] {width, y + rowHeight + gap};
    }
}
