package dev.topowatch.server.alerts;

import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.ImpactReport;
import dev.topowatch.topology.load.Durations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The bot's answers, from the engine's current snapshot; every value escaped. */
final class Facts implements BoardFacts {
    private static final Duration LONGEST_MUTE = Duration.ofDays(30);

    private final Alerter alerter;
    private final Supplier<StatusSnapshot> snapshot;
    private final Supplier<ImpactReport> impact;
    private final Supplier<Topology> topology;
    private final Clock clock;

    Facts(Alerter alerter, Supplier<StatusSnapshot> snapshot, Supplier<ImpactReport> impact, Supplier<Topology> topology, Clock clock) {
        this.alerter = alerter;
        this.snapshot = snapshot;
        this.impact = impact;
        this.topology = topology;
        this.clock = clock;
    }

    @Override
    public String summary(String project) {
        var current = topology.get();
        if (project != null && !current.projects().contains(project)) {
            var known = current.projects();
            return "No project named <b>" + Html.escape(project) + "</b>."
                    + (known.isEmpty() ? "" : " Known: " + Html.escape(String.join(", ", known)) + ".");
        }
        Predicate<String> inScope = name -> project == null || current.entity(name).map(entity -> project.equals(entity.project())).orElse(false);
        var now = snapshot.get();
        var counts = new EnumMap<Status, Integer>(Status.class);
        now.entities().values().stream().filter(entity -> inScope.test(entity.name()))
                .forEach(entity -> counts.merge(entity.status(), 1, Integer::sum));
        int entities = counts.values().stream().mapToInt(Integer::intValue).sum();
        var text = new StringBuilder("<b>").append(project == null ? "" : Html.escape(project) + ": ").append(entities).append(" entities</b>: ");
        var parts = new ArrayList<String>();
        counts.forEach((status, count) -> parts.add(count + " " + status.wireName()));
        text.append(String.join(", ", parts));
        var report = impact.get();
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
                    text.append(", ").append(MessageText.blocks(List.copyOf(casualties)));
                }
            }
        }
        return text.toString();
    }

    @Override
    public String entity(String name) {
        var now = snapshot.get();
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
        var muted = alerter.rules().mutes().get(name);
        if (muted != null && muted.isAfter(clock.instant())) {
            text.append("\nmuted until ").append(HumanTime.at(muted));
        }
        return text.toString();
    }

    @Override
    public String mute(String name, String duration) {
        if (!snapshot.get().entities().containsKey(name)) {
            return "No entity named <b>" + Html.escape(name) + "</b>.";
        }
        var parsed = Durations.parse(duration).filter(d -> !d.isNegative() && !d.isZero() && d.compareTo(LONGEST_MUTE) <= 0);
        if (parsed.isEmpty()) {
            return "Give a duration up to 30d, such as 30m, 1h or 2d.";
        }
        var until = clock.instant().plus(parsed.get());
        alerter.mute(name, until);
        return "🔕 <b>" + Html.escape(name) + "</b> muted until " + HumanTime.at(until) + ".";
    }

    @Override
    public String unmute(String name) {
        alerter.mute(name, null);
        return "🔔 <b>" + Html.escape(name) + "</b> unmuted.";
    }
}
