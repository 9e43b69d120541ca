package dev.topowatch.server.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an alert says, in plain words, for every channel to put in its own format (and escape as it
 * needs): a headline, the lines below it, the casualties counted in full. The same facts read the
 * same everywhere; only the markup differs.
 */
public final class Wording {
    /** A 10 kB error is not a chat message: values are cut to this many characters. */
    public static final int LONGEST_VALUE = 300;
    private static final int CASUALTIES_NAMED = 3;

    private Wording() {
    }

    /** {@code db is DOWN}, {@code db recovered after 3m}, {@code The topology file is invalid}. */
    public static String headline(Alert alert) {
        var entity = value(alert.entity());
        return switch (alert.kind()) {
            case DOWN -> entity + " is DOWN";
            case RECOVERED -> entity + " recovered after " + HumanTime.duration(alert.outage());
            case DEGRADED -> entity + " is DEGRADED";
            case FLAPPING -> entity + " is flapping, now " + alert.status();
            case SETTLED -> entity + " stopped flapping: " + alert.status();
            case TOPOLOGY_INVALID -> "The topology file is invalid";
            case OPEN_PROBLEMS -> "Open now: " + alert.problems().size() + (alert.problems().size() == 1 ? " problem" : " problems");
        };
    }

    /** The lines under the headline; none empty. */
    public static List<String> details(Alert alert) {
        var lines = new ArrayList<String>();
        switch (alert.kind()) {
            case DOWN, DEGRADED, SETTLED -> {
                lines.add("since " + HumanTime.at(alert.since()));
                addIfAny(lines, value(alert.error()));
                if (!alert.casualties().isEmpty()) {
                    lines.add(blocks(alert.casualties()));
                }
            }
            case RECOVERED -> {
                lines.add("was " + alert.previous() + " since " + HumanTime.at(alert.since()));
                if (alert.peakCasualties() > 0) {
                    lines.add(alert.peakCasualties() + " affected at the peak");
                }
            }
            case FLAPPING -> lines.add("no more alerts about it until it settles");
            case TOPOLOGY_INVALID -> {
                lines.add("the board keeps running its last good version");
                alert.errors().stream().limit(10).map(Wording::value).forEach(lines::add);
                if (alert.errors().size() > 10) {
                    lines.add("… and " + (alert.errors().size() - 10) + " more");
                }
            }
            case OPEN_PROBLEMS -> {
                for (var problem : alert.problems()) {
                    var line = headline(problem) + " since " + HumanTime.at(problem.since());
                    lines.add(problem.error() == null ? line : line + ": " + value(problem.error()));
                    if (!problem.casualties().isEmpty()) {
                        lines.add("  " + blocks(problem.casualties()));
                    }
                }
            }
        }
        return lines;
    }

    /** What a group of alerts is about, in one line: the subject of an e-mail. */
    public static String summary(List<Alert> alerts) {
        if (alerts.size() == 1) {
            return headline(alerts.getFirst());
        }
        return alerts.size() + " alerts: " + String.join(", ", alerts.stream().limit(3).map(Wording::headline).toList())
                + (alerts.size() > 3 ? " and " + (alerts.size() - 3) + " more" : "");
    }

    /** "blocks 8: api, web, worker and 5 more": the whole count, and the first names. */
    public static String blocks(List<String> names) {
        return "blocks " + names.size() + ": " + casualties(names);
    }

    /** "api, web, worker and 5 more"; empty for none. */
    public static String casualties(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        var text = String.join(", ", names.stream().limit(CASUALTIES_NAMED).map(Wording::value).toList());
        return names.size() > CASUALTIES_NAMED ? text + " and " + (names.size() - CASUALTIES_NAMED) + " more" : text;
    }

    /** The board focused on {@code entity} (or the board itself for none); null without a board URL. */
    public static String link(String boardUrl, String entity) {
        if (boardUrl == null) {
            return null;
        }
        return entity == null ? boardUrl + "/" : boardUrl + "/?focus=" + URLEncoder.encode(entity, StandardCharsets.UTF_8);
    }

    /** One line, cut to {@link #LONGEST_VALUE} characters; empty for none. Not escaped: each format escapes its own way. */
    public static String value(String raw) {
        if (raw == null) {
            return "";
        }
        var oneLine = raw.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) > LONGEST_VALUE
                ? oneLine.substring(0, oneLine.offsetByCodePoints(0, LONGEST_VALUE)) + "…"
                : oneLine;
    }

    private static void addIfAny(List<String> lines, String line) {
        if (!line.isEmpty()) {
            lines.add(line);
        }
    }
}
