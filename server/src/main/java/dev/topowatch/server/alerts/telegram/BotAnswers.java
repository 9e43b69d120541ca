package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.BoardControl;
import dev.topowatch.server.alerts.Html;
import dev.topowatch.server.alerts.HumanTime;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.Durations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The bot's answers as Telegram HTML, from the board's current state; every value escaped. */
final class BotAnswers {
    private static final Duration LONGEST_MUTE = Duration.ofDays(30);

    private final BoardControl board;
    private final Clock clock;

    BotAnswers(BoardControl board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    /**
     * Counts by status and the current roots with their casualties; for a {@code project} (null for
     * all), its entities and the roots that are in it or block it.
     */
    String summary(String project) {
        Topology current = board.topology();
        if (project != null && !current.projects().contains(project)) {
            var known = current.projects();
            return "No project named <b>" + Html.escape(project) + "</b>."
                    + (known.isEmpty() ? "" : " Known: " + Html.escape(String.join(", ", known)) + ".");
        }
        Predicate<String> inScope = name -> project == null || current.entity(name).map(entity -> project.equals(entity.project())).orElse(false);
        var now = board.snapshot();
        var counts = new EnumMap<Status, Integer>(Status.class);
        now.entities().values().stream().filter(entity -> inScope.test(entity.name()))
                .forEach(entity -> counts.merge(entity.status(), 1, Integer::sum));
        int entities = counts.values().stream().mapToInt(Integer::intValue).sum();
        var text = new StringBuilder("<b>").append(project == null ? "" : Html.escape(project) + ": ").append(entities).append(" entities</b>: ");
        var parts = new ArrayList<String>();
        counts.forEach((status, count) -> parts.add(count + " " + status.wireName()));
        text.append(String.join(", ", parts));
        var report = board.impact();
        var roots = report.roots().stream()
                .filter(root -> inScope.test(root) || report.casualtiesOf(root).stream().anyMatch(inScope)).toList();
        if (roots.isEmpty()) {
            text.append("\nNo root causes: nothing is down.");
        } else {
            text.append("\nRoot causes:");
            for (var root : roots) {
                var status = now.of(root);
                text.append("\n🔴 <b>").append(Html.escape(root)).append("</b>");
                if (status.since() != null) {
                    text.append(" since ").append(HumanTime.at(status.since()));
                }
                var casualties = report.casualtiesOf(root);
                if (!casualties.isEmpty()) {
                    text.append(", ").append(TelegramText.blocks(List.copyOf(casualties)));
                }
            }
        }
        return text.toString();
    }

    /** One entity in human form, or why not. */
    String entity(String name) {
        var now = board.snapshot();
        if (!now.entities().containsKey(name)) {
            return "No entity named <b>" + Html.escape(name) + "</b>.";
        }
        var status = now.of(name);
        var text = new StringBuilder("<b>").append(Html.escape(name)).append("</b>: ").append(status.status().wireName());
        if (status.flapping()) {
            text.append(" (flapping)");
        }
        if (status.since() != null) {
            text.append(" since ").append(HumanTime.at(status.since()));
        }
        if (status.lastCheck() != null) {
            text.append("\nlast check ").append(HumanTime.at(status.lastCheck()));
            if (status.latency() != null) {
                text.append(", ").append(status.latency().toMillis()).append(" ms");
            }
        }
        if (status.successRatio() != null) {
            text.append(String.format(Locale.ROOT, "\nsuccess %.1f%% (%d ok, %d failed, %d blocked)",
                    status.successRatio() * 100, status.successCount(), status.failCount(), status.blockedCount()));
        }
        if (status.lastError() != null) {
            text.append("\nerror: ").append(Html.escape(status.lastError()));
        }
        if (!status.rootCause().isEmpty()) {
            text.append("\nroot cause: ").append(Html.escape(String.join(", ", status.rootCause())));
        }
        status.extra().forEach((key, value) -> text.append('\n').append(Html.escape(key)).append(": ").append(Html.escape(value)));
        var muted = board.mutes().get(name);
        if (muted != null && muted.isAfter(clock.instant())) {
            text.append("\nmuted until ").append(HumanTime.at(muted));
        }
        return text.toString();
    }

    /** Mutes an entity's alerts for a duration such as {@code 1h}. */
    String mute(String name, String duration) {
        if (!board.snapshot().entities().containsKey(name)) {
            return "No entity named <b>" + Html.escape(name) + "</b>.";
        }
        var parsed = Durations.parse(duration).filter(d -> !d.isNegative() && !d.isZero() && d.compareTo(LONGEST_MUTE) <= 0);
        if (parsed.isEmpty()) {
            return "Give a duration up to 30d, such as 30m, 1h or 2d.";
        }
        var until = clock.instant().plus(parsed.get());
        board.mute(name, until);
        return "🔕 <b>" + Html.escape(name) + "</b> muted until " + HumanTime.at(until) + ".";
    }

    String unmute(String name) {
        board.mute(name, null);
        return "🔔 <b>" + Html.escape(name) + "</b> unmuted.";
    }
}
