package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.Xml;
import dev.topowatch.diagram.svg.Severity;
import dev.topowatch.diagram.svg.StatusText;
import dev.topowatch.diagram.svg.Statuses;
import dev.topowatch.diagram.svg.SvgTemplate;
import dev.topowatch.diagram.svg.SvgWriter;
import dev.topowatch.topology.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The parts of a tile that follow its entities' statuses: its colour, its counts, its bar, its problems. */
final class TileHoles {
    /** The order counts are read in: what is fine first, as people say it ("12 up · 1 down · 3 blocked"). */
    private static final List<Status> COUNT_ORDER = List.of(Status.UP, Status.DOWN, Status.BLOCKED, Status.DEGRADED,
            Status.MAINTENANCE, Status.UNKNOWN);

    private TileHoles() {
    }

    /** {@code 12 up · 1 down · 3 blocked}, statuses with none left out. */
    static String countLine(Map<Status, Integer> counts) {
        var parts = new ArrayList<String>();
        for (var status : COUNT_ORDER) {
            int count = counts.getOrDefault(status, 0);
            if (count > 0) {
                parts.add(count + " " + status.wireName());
            }
        }
        return parts.isEmpty() ? "empty" : String.join(" · ", parts);
    }

    /**
     * {@code class="tile closed worst-down" data-status="down"}: a tile takes the colour of its worst
     * entity. Not {@code status-down}: a closed tile holds problem boxes whose own status classes must
     * not be outweighed by the tile's.
     */
    record Attributes(List<String> summarised, String baseClass) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            var worst = statuses.worst(summarised).wireName();
            svg.append(" class=\"").append(baseClass).append(" worst-").append(worst).append("\" data-status=\"").append(worst).append('"');
        }
    }

    /** {@code 12 ✔ · 1 ✖ · 3 ⊘}: the count line where the words do not fit. */
    static String compactCountLine(Map<Status, Integer> counts) {
        var parts = new ArrayList<String>();
        for (var status : COUNT_ORDER) {
            int count = counts.getOrDefault(status, 0);
            if (count > 0) {
                parts.add(count + " " + StatusText.symbol(status));
            }
        }
        return parts.isEmpty() ? "empty" : String.join(" ", parts);
    }

    /** The count line in words when they fit the tile, else in symbols, cut if even those do not. */
    record Counts(List<String> summarised, int maxCharacters) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            var counts = statuses.count(summarised);
            var words = countLine(counts);
            var line = words.length() <= maxCharacters ? words : compactCountLine(counts);
            svg.append(Xml.escape(Xml.shorten(line, maxCharacters)));
        }
    }

    /**
     * {@code data-problems="db:down cache:degraded"}: what is wrong at render time, on the root element,
     * so that the page can tell when the problem boxes (and so the geometry) it shows are out of date.
     */
    record ProblemList(List<List<String>> tiles) implements SvgTemplate.Hole {
        private static final List<Status> WRONG = List.of(Status.DOWN, Status.BLOCKED, Status.DEGRADED);

        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            // Only the tiles whose counts hold a problem are read name by name.
            var wrong = new java.util.TreeMap<String, Status>();
            for (var tile : tiles) {
                var counts = statuses.count(tile);
                if (WRONG.stream().anyMatch(counts::containsKey)) {
                    for (var name : tile) {
                        var status = statuses.of(name).status();
                        if (WRONG.contains(status)) {
                            wrong.put(name, status);
                        }
                    }
                }
            }
            svg.append(" data-problems=\"");
            boolean first = true;
            for (var entry : wrong.entrySet()) {
                svg.append(first ? "" : " ").append(Xml.escape(entry.getKey())).append(':').append(entry.getValue().wireName());
                first = false;
            }
            svg.append('"');
        }
    }

    /** A tooltip: the tile's name and its counts. */
    record Tooltip(String label, List<String> summarised) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            svg.append(Xml.escape(label + "\n" + countLine(statuses.count(summarised))));
        }
    }

    /** A bar of the statuses side by side, each as wide as its share, most serious first. */
    record Bar(List<String> summarised, double x, double y, double width, double height) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            var counts = statuses.count(summarised);
            double total = Math.max(1, summarised.size());
            double left = x;
            for (var status : Severity.ORDER) {
                int count = counts.getOrDefault(status, 0);
                if (count == 0) {
                    continue;
                }
                double share = width * count / total;
                svg.append("<rect class=\"bar bar-").append(status.wireName()).append("\" x=\"").append(SvgWriter.format(left))
                        .append("\" y=\"").append(SvgWriter.format(y)).append("\" width=\"").append(SvgWriter.format(share))
                        .append("\" height=\"").append(SvgWriter.format(height)).append("\"/>");
                left += share;
            }
        }
    }

    /**
     * The tile's problems as boxes of their own, so that a closed tile never hides one: down roots
     * first, those blocking most first, then degraded entities. When there are more than the tile has
     * room for, the last slot says how many more.
     */
    record Problems(List<String> summarised, ProblemBoxes boxes) implements SvgTemplate.Hole {
        @Override
        public void fill(StringBuilder svg, Statuses statuses) {
            var counts = statuses.count(summarised);
            if (!counts.containsKey(Status.DOWN) && !counts.containsKey(Status.DEGRADED)) {
                return;
            }
            var problems = new ArrayList<String>();
            for (var name : summarised) {
                var status = statuses.of(name).status();
                if (status == Status.DOWN || status == Status.DEGRADED) {
                    problems.add(name);
                }
            }
            problems.sort(Comparator.comparing((String name) -> statuses.of(name).status() == Status.DOWN ? 0 : 1)
                    .thenComparing(name -> -statuses.casualties(name)).thenComparing(name -> name));
            boxes.write(svg, problems, statuses);
        }
    }
}
