package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.Viewport;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.svg.SvgDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The overview's geometry: tiles packed to the window's shape, consumers' tiles above those they
 * depend on. When the whole fits the window at a readable scale every tile is drawn open (its boxes);
 * otherwise every tile is closed (a summary, readable at the scale the window shows it), and each
 * closed tile is at least as large as its open interior, so that the page can open it in place.
 *
 * @param scale     how many window pixels one unit of the drawing takes when the window shows it whole
 * @param textScale the scale closed tiles' text is sized for: the same, unless the tiles cannot all be
 *                  readable in the window (then the text shows smaller than meant, but still fits)
 */
public record OverviewLayout(List<PlacedTile> tiles, List<FramePacker.Frame> frames, double width, double height, double scale, double textScale, boolean open) {
    /** At this scale and above, a box's 11-13 px text is at least about 8 px on screen: tiles open. */
    public static final double OPEN_SCALE = 0.7;
    /** A drawing smaller than the window is not blown up beyond this. */
    static final double MAX_SCALE = 1.25;
    /** The space between open tiles, in drawing units. */
    static final double GAP = 28;
    /** The space between closed tiles, in window pixels. */
    static final double CLOSED_GAP = 10;

    public record PlacedTile(Tile tile, Layout.Rect rect, TileInterior interior, int problemSlots) {
    }

    /** A project frame's name, in window pixels when closed and drawing units when open. */
    static final double FRAME_TITLE = 22;

    public OverviewLayout {
        tiles = List.copyOf(tiles);
        frames = List.copyOf(frames);
    }

    /**
     * @param problemSlots per tile id, how many problem boxes a closed tile makes room for
     */
    public static OverviewLayout of(TileGraph graph, Map<String, TileInterior> interiors, Map<String, Integer> problemSlots,
                                    Viewport viewport) {
        double windowWidth = viewport.width();
        double windowHeight = Math.max(viewport.height() - SvgDocument.TITLE_HEIGHT - SvgDocument.LEGEND_HEIGHT, 100);
        var ranks = ranks(graph);
        var order = graph.tiles().stream()
                .sorted(java.util.Comparator.comparing((Tile tile) -> ranks.get(tile.id())).thenComparing(Tile::id)).toList();
        var open = pack(order, ranks, GAP, FRAME_TITLE, id -> interiors.get(id).width(), id -> interiors.get(id).height(), windowWidth,
                windowHeight);
        double scale = Math.min(open.scaleIn(windowWidth, windowHeight), MAX_SCALE);
        if (scale >= OPEN_SCALE) {
            return build(order, open, interiors, problemSlots, scale, scale, true);
        }
        // Closed: a tile must be large enough for its summary at the scale the window will show it,
        // and the scale follows from the tiles' sizes. A few rounds reach the fixed point; when the
        // summaries cannot all fit the window at their size, the ratio between the two scales settles
        // instead, and the text is drawn for the scale the tiles were sized for.
        var packing = open;
        double textScale = scale;
        for (int round = 0; round < 6; round++) {
            final double sizedFor = scale;
            packing = pack(order, ranks, CLOSED_GAP / sizedFor, FRAME_TITLE / sizedFor,
                    id -> Math.max(interiors.get(id).width(), ClosedTile.minimumWidth() / sizedFor),
                    id -> Math.max(interiors.get(id).height(), ClosedTile.minimumHeight(problemSlots.getOrDefault(id, 0)) / sizedFor),
                    windowWidth, windowHeight);
            double next = Math.min(packing.scaleIn(windowWidth, windowHeight), MAX_SCALE);
            textScale = sizedFor;
            boolean settled = Math.abs(next - sizedFor) < 0.02 * sizedFor;
            scale = next;
            if (settled || next < sizedFor * 0.98 && round >= 2) {
                break;
            }
        }
        return build(order, packing, interiors, problemSlots, scale, textScale, false);
    }

    private static FramePacker.Packing pack(List<Tile> order, Map<String, Integer> ranks, double gap, double titleHeight,
                                            java.util.function.ToDoubleFunction<String> width,
                                            java.util.function.ToDoubleFunction<String> height, double windowWidth, double windowHeight) {
        var items = new ArrayList<ShelfPacker.Item>(order.size());
        for (var tile : order) {
            items.add(new ShelfPacker.Item(tile.id(), width.applyAsDouble(tile.id()), height.applyAsDouble(tile.id()), ranks.get(tile.id())));
        }
        return FramePacker.pack(order, items, gap, titleHeight, windowWidth, windowHeight);
    }

    private static OverviewLayout build(List<Tile> order, FramePacker.Packing packing, Map<String, TileInterior> interiors,
                                        Map<String, Integer> problemSlots, double scale, double textScale, boolean open) {
        var placed = new ArrayList<PlacedTile>(order.size());
        for (var tile : order) {
            placed.add(new PlacedTile(tile, packing.placed().get(tile.id()), interiors.get(tile.id()), problemSlots.getOrDefault(tile.id(), 0)));
        }
        return new OverviewLayout(placed, packing.frames(), packing.width(), packing.height(), scale, textScale, open);
    }

    /**
     * Rank 0 for tiles nothing depends on; a tile at least one rank below every tile that depends on
     * it. Dependencies between tiles may go both ways (api on a needs db on b, worker on b needs queue
     * on a): such a pair is ranked by the order first reached, which is deterministic.
     */
    static Map<String, Integer> ranks(TileGraph graph) {
        var needs = new HashMap<String, List<String>>();
        for (var pair : graph.bundles().keySet()) {
            needs.computeIfAbsent(pair.get(0), ignored -> new ArrayList<>()).add(pair.get(1));
        }
        var rank = new HashMap<String, Integer>();
        graph.tiles().forEach(tile -> rank.put(tile.id(), 0));
        var finished = new HashSet<String>();
        for (var tile : graph.tiles()) {
            depth(tile.id(), needs, rank, new HashSet<>(), finished);
        }
        return rank;
    }

    /** Depth-first from {@code id}: what it needs gets a rank below it; edges back into the path are ignored. */
    private static void depth(String start, Map<String, List<String>> needs, Map<String, Integer> rank, Set<String> onPath,
                              Set<String> finished) {
        // Iterative, since a chain of thousands of tiles would overflow the stack.
        var stack = new ArrayList<Object[]>();
        stack.add(new Object[] {start, 0});
        onPath.add(start);
        while (!stack.isEmpty()) {
            var top = stack.getLast();
            var id = (String) top[0];
            int next = (int) top[1];
            var targets = needs.getOrDefault(id, List.of());
            if (next < targets.size()) {
                top[1] = next + 1;
                var target = targets.get(next);
                if (onPath.contains(target)) {
                    continue;
                }
                if (rank.get(target) < rank.get(id) + 1) {
                    rank.put(target, rank.get(id) + 1);
                    finished.remove(target);
                }
                if (!finished.contains(target)) {
                    onPath.add(target);
                    stack.add(new Object[] {target, 0});
                }
            } else {
                stack.removeLast();
                onPath.remove(id);
                finished.add(id);
            }
        }
    }
}
