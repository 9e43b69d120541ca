package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.Html;
import dev.topowatch.server.alerts.HumanTime;
import dev.topowatch.server.alerts.Wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts as Telegram HTML, from the facts every channel shares ({@link Wording} cuts and counts): the same short shape every time, every value escaped. A template from the
 * topology file replaces the built-in one of its kind; a line whose placeholders are all empty is
 * left out, so that "blocks:" does not stand alone when nothing is blocked.
 */
public final class TelegramText {
    /** Telegram refuses longer messages. */
    public static final int MAX_LENGTH = 4096;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<AlertKind, String> BUILT_IN = Map.of(
            AlertKind.DOWN, "🔴 <b>{entity}</b> is DOWN since {since}\n{error}\nblocks {casualty_count}: {casualties}\n{link}",
            AlertKind.RECOVERED, "✅ <b>{entity}</b> recovered after {duration}\n(was {previous} since {since})\n"
                    + "{peak} affected at the peak\n{link}",
            AlertKind.DEGRADED, "🟠 <b>{entity}</b> is DEGRADED since {since}\n{error}\n{link}",
            AlertKind.FLAPPING, "🔁 <b>{entity}</b> is flapping, now {status}: no more alerts about it until it settles\n{link}",
            AlertKind.SETTLED, "🟰 <b>{entity}</b> stopped flapping: {status} since {since}\n{error}\n{link}");

    private final Map<String, String> templates;
    private final String boardUrl;

    /**
     * @param templates by kind's wire name, from {@code alerts.telegram.templates}
     * @param boardUrl  the board's public address for links, without a trailing slash; null leaves links out
     */
    public TelegramText(Map<String, String> templates, String boardUrl) {
        this.templates = Map.copyOf(templates);
        this.boardUrl = boardUrl;
    }

    /** One message for one alert. */
    public String render(Alert alert) {
        if (alert.kind() == AlertKind.TOPOLOGY_INVALID) {
            return invalidTopology(alert);
        }
        if (alert.kind() == AlertKind.OPEN_PROBLEMS) {
            return openProblems(alert);
        }
        var template = templates.getOrDefault(alert.kind().wireName(), BUILT_IN.get(alert.kind()));
        var values = Map.ofEntries(
                Map.entry("entity", value(alert.entity())),
                Map.entry("status", value(alert.status())),
                Map.entry("previous", value(alert.previous())),
                Map.entry("since", HumanTime.at(alert.since())),
                Map.entry("error", value(alert.error())),
                Map.entry("casualties", casualties(alert.casualties())),
                Map.entry("casualty_count", count(alert.casualties().size())),
                Map.entry("peak", count(alert.peakCasualties())),
                Map.entry("duration", HumanTime.duration(alert.outage())),
                Map.entry("link", link(alert.entity())),
                Map.entry("board", boardUrl == null ? "" : Html.escape(boardUrl)));
        var lines = new ArrayList<String>();
        for (var line : template.split("\n", -1)) {
            var filled = fill(line, values);
            if (filled != null) {
                lines.add(filled);
            }
        }
        return String.join("\n", lines).strip();
    }

    /**
     * Alerts that happened close together, parted into messages: one when they fit, more when
     * Telegram's length limit says so; never an alert cut in half.
     */
    public List<List<Alert>> messages(List<Alert> alerts) {
        var messages = new ArrayList<List<Alert>>();
        var current = new ArrayList<Alert>();
        int length = 0;
        for (var alert : alerts) {
            int more = render(alert).length() + 2;
            if (!current.isEmpty() && length + more > MAX_LENGTH - 40) {
                messages.add(List.copyOf(current));
                current.clear();
                length = 0;
            }
            current.add(alert);
            length += more;
        }
        if (!current.isEmpty()) {
            messages.add(List.copyOf(current));
        }
        return messages;
    }

    /** The text of one message of {@link #messages}: its alerts, counted when more than one. */
    public String render(List<Alert> message) {
        var text = String.join("\n\n", message.stream().map(this::render).toList());
        return message.size() == 1 ? text : message.size() + " alerts\n\n" + text;
    }

    private String invalidTopology(Alert alert) {
        var text = new StringBuilder("⚠️ The topology file is invalid; the board keeps running its last good version.\n");
        int shown = 0;
        for (var error : alert.errors()) {
            if (shown == 10 || text.length() > MAX_LENGTH - 600) {
                text.append("… and ").append(alert.errors().size() - shown).append(" more\n");
                break;
            }
            text.append("<code>").append(value(error)).append("</code>\n");
            shown++;
        }
        if (boardUrl != null) {
            text.append("<a href=\"").append(Html.escape(boardUrl)).append("/\">Open the board</a>");
        }
        return text.toString().strip();
    }

    /** The summary a channel added by an edit gets: what is open now, a line or two each. */
    private String openProblems(Alert alert) {
        var text = new StringBuilder("📋 This chat now gets topowatch alerts. Open now:");
        int shown = 0;
        for (var problem : alert.problems()) {
            if (text.length() > MAX_LENGTH - 800) {
                text.append("\n… and ").append(alert.problems().size() - shown).append(" more");
                break;
            }
            boolean down = problem.kind() == AlertKind.DOWN;
            text.append('\n').append(down ? "🔴" : "🟠").append(" <b>").append(value(problem.entity())).append("</b> is ")
                    .append(down ? "DOWN" : "DEGRADED").append(" since ").append(HumanTime.at(problem.since()));
            if (problem.error() != null) {
                text.append(": ").append(value(problem.error()));
            }
            if (!problem.casualties().isEmpty()) {
                text.append('\n').append(blocks(problem.casualties()));
            }
            shown++;
        }
        if (boardUrl != null) {
            text.append("\n<a href=\"").append(Html.escape(boardUrl)).append("/\">Open the board</a>");
        }
        return text.toString();
    }

    /** Null when the line has placeholders and all of them are empty: the line is left out. */
    private static String fill(String line, Map<String, String> values) {
        var matcher = PLACEHOLDER.matcher(line);
        var out = new StringBuilder();
        boolean any = false;
        boolean anyFilled = false;
        while (matcher.find()) {
            any = true;
            var value = values.getOrDefault(matcher.group(1), "");
            anyFilled |= !value.isEmpty();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return any && !anyFilled ? null : out.toString();
    }

    private String link(String entity) {
        var href = entity == null ? null : Wording.link(boardUrl, entity);
        return href == null ? "" : "<a href=\"" + Html.escape(href) + "\">Open the board</a>";
    }

    /** "blocks 8: api, web, worker and 5 more", escaped. */
    static String blocks(List<String> names) {
        return Html.escape(Wording.blocks(names));
    }

    /** Empty for none, so that a line about nothing is left out. */
    private static String count(int count) {
        return count == 0 ? "" : Integer.toString(count);
    }

    /** "api, web, worker and 5 more", escaped; empty for none. */
    private static String casualties(List<String> names) {
        return Html.escape(Wording.casualties(names));
    }

    /** One line, cut to a sensible length, escaped. */
    private static String value(String raw) {
        return Html.escape(Wording.value(raw));
    }
}
