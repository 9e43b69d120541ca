package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.layout.BoxSizer;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a tile's boxes go when it is open, relative to its top-left corner: a grid of rows, those who
 * depend on others above what they depend on inside the tile, wrapped to about 1.6 times as wide as
 * high so that any tile packs well. Linear in the tile's size, so every tile of a 10,000-entity
 * topology is laid out in milliseconds; the same tile always gets the same interior.
 */
public record TileInterior(double width, double height, double cellWidth, Map<String, Layout.Rect> boxes) {
    public static final double HEADER = 42;
    public static final double PADDING = 14;
    public static final double GAP = 22;
    static final double MIN_WIDTH = 220;
    static final double MIN_HEIGHT = 74;
    private static final double ASPECT = 1.6;

    public TileInterior {
        boxes = Map.copyOf(boxes);
    }

    public static TileInterior of(Topology topology, Tile tile, List<Arc> inside, BoxSizer sizer) {
        var members = tile.members();
        if (members.isEmpty()) {
            return new TileInterior(MIN_WIDTH, MIN_HEIGHT, 0, Map.of());
        }
        var sizes = new HashMap<String, BoxSizer.Size>();
        double cellWidth = 0;
        double meanHeight = 0;
        for (var name : members) {
            var size = sizer.size(topology.entities().get(name));
            sizes.put(name, size);
            cellWidth = Math.max(cellWidth, size.width());
            meanHeight += size.height() / members.size();
        }
        int columns = (int) Math.round(Math.sqrt(ASPECT * members.size() * (meanHeight + GAP) / (cellWidth + GAP)));
        columns = Math.clamp(columns, 1, members.size());
        var boxes = new HashMap<String, Layout.Rect>();
        double y = HEADER;
        double widest = 0;
        for (var row : rows(members, ranks(members, inside), columns)) {
            double rowHeight = row.stream().mapToDouble(name -> sizes.get(name).height()).max().orElse(0);
            double x = PADDING;
            for (var name : row) {
                var size = sizes.get(name);
                boxes.put(name, new Layout.Rect(x + (cellWidth - size.width()) / 2, y, size.width(), size.height()));
                x += cellWidth + GAP;
            }
            widest = Math.max(widest, x - GAP + PADDING);
            y += rowHeight + GAP;
        }
        return new TileInterior(Math.max(MIN_WIDTH, widest), Math.max(MIN_HEIGHT, y - GAP + PADDING), cellWidth, boxes);
    }

    /**
     * The path of an arc between two boxes of this tile: a curve into the next row; further down, along
     * the gaps between rows and the gutter left of the dependent's column, so that it never runs
     * behind a box it does not connect.
     */
    public String route(Layout.Rect from, Layout.Rect to) {
        if (to.y() <= from.y() + from.height() + GAP * 1.5 || cellWidth == 0) {
            return Curves.connect(from, to);
        }
        double startX = from.x() + from.width() / 2;
        double startY = from.y() + from.height();
        double below = startY + GAP / 2;
        double gutter = from.x() - (cellWidth - from.width()) / 2 - GAP / 2;
        double endX = to.x() + to.width() / 2;
        double above = to.y() - GAP / 2;
        return "M" + n(startX) + "," + n(startY) + " L" + n(startX) + "," + n(below) + " L" + n(gutter) + "," + n(below)
                + " L" + n(gutter) + "," + n(above) + " L" + n(endX) + "," + n(above) + " L" + n(endX) + "," + n(to.y());
    }

    private static String n(double value) {
        return dev.topowatch.diagram.svg.SvgWriter.format(value);
    }

    /** Rank 0 for what nothing inside the tile depends on; each dependency at least one rank lower. */
    private static Map<String, Integer> ranks(List<String> members, List<Arc> inside) {
        var needs = new HashMap<String, List<String>>();
        for (var arc : inside) {
            needs.computeIfAbsent(arc.from(), ignored -> new ArrayList<>()).add(arc.to());
        }
        var rank = new HashMap<String, Integer>();
        members.forEach(name -> rank.put(name, 0));
        // Longest path by relaxation, bounded by the member count so that a cycle (refused by
        // validation, but a group may list a member that depends on it) cannot loop for ever.
        for (int round = 0; round < members.size(); round++) {
            boolean changed = false;
            for (var name : members) {
                for (var needed : needs.getOrDefault(name, List.of())) {
                    if (rank.containsKey(needed) && rank.get(needed) < rank.get(name) + 1) {
                        rank.put(needed, rank.get(name) + 1);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return rank;
    }

    /** Each rank in name order, wrapped into rows of at most {@code columns}. */
    private static List<List<String>> rows(List<String> members, Map<String, Integer> ranks, int columns) {
        var byRank = new TreeMap<Integer, List<String>>();
        members.forEach(name -> byRank.computeIfAbsent(ranks.get(name), ignored -> new ArrayList<>()).add(name));
        var rows = new ArrayList<List<String>>();
        for (var rank : byRank.values()) {
            for (int start = 0; start < rank.size(); start += columns) {
                rows.add(rank.subList(start, Math.min(rank.size(), start + columns)));
            }
        }
        return rows;
    }
}
