package dev.topowatch.server.alerts;

import dev.topowatch.server.engine.AlertPlanner;
import dev.topowatch.server.store.EntityState;
import dev.topowatch.server.store.Outbox;
import dev.topowatch.server.store.OutboxMessage;
import dev.topowatch.server.store.Transition;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.graph.ImpactReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is told what, decided as transitions happen:
 * <ul>
 * <li>a root going down is alerted; a casualty ({@code blocked}) never is, it is listed in its root's message;</li>
 * <li>a recovery is owed for every problem that was opened (down or degraded), and is never suppressed,
 *     not even when the entity passed through {@code blocked} or maintenance on its way back up;</li>
 * <li>maintenance, {@code alerts: false} and a mute from the chat keep an entity quiet;</li>
 * <li>a flapping entity gets one "flapping" message, then nothing until it settles.</li>
 * </ul>
 * Open problems are loaded from the outbox at start, so a restart neither repeats a down message nor
 * forgets the recovery it owes.
 */
public final class AlertRules implements AlertPlanner {
    private final Outbox outbox;
    private final Map<String, Outbox.OpenProblem> open = new HashMap<>();
    private final Map<String, Instant> mutes = new ConcurrentHashMap<>();
    /** Down alerts taken back because the entity turned out a casualty within the window: "entity@since". */
    private final Map<String, Instant> retracted = new ConcurrentHashMap<>();
    private volatile List<Channel> channels = List.of();
    private volatile Duration window = Duration.ZERO;
    private volatile ProjectRouting routing = ProjectRouting.EVERYTHING;

    /** With the open problems (and how much each blocked at most) and the mutes that {@code outbox} kept. */
    public AlertRules(Outbox outbox) {
        this.outbox = outbox;
        this.open.putAll(outbox.openProblems());
        this.mutes.putAll(outbox.mutes());
    }

    /** @param groupWindow how long a down alert waits before it goes out, and may still be taken back */
    void setChannels(List<Channel> next, Duration groupWindow) {
        channels = List.copyOf(next);
        window = groupWindow;
    }

    /** Which channels hear of which entity: a project's own channels hear of its entities only. */
    void setRouting(ProjectRouting next) {
        routing = next;
    }

    /**
     * Whether a down alert tells of an outage that is still going on (or a summary tells of one that
     * is): its message is kept true while it does.
     */
    synchronized boolean isOngoing(Alert alert) {
        if (alert.kind() == AlertKind.OPEN_PROBLEMS) {
            return alert.problems().stream().anyMatch(this::isOngoing);
        }
        if (alert.kind() != AlertKind.DOWN || alert.entity() == null || alert.since() == null) {
            return false;
        }
        var problem = open.get(alert.entity());
        return problem != null && problem.status() == Status.DOWN && !alert.since().isBefore(problem.since());
    }

    /** Whether this down alert was taken back before it went out: its entity is a casualty after all. */
    boolean isRetracted(Alert alert) {
        return alert.kind() == AlertKind.DOWN && alert.since() != null && retracted.containsKey(retractionKey(alert.entity(), alert.since()));
    }

    void mute(String entity, Instant until) {
        if (until == null) {
            mutes.remove(entity);
        } else {
            mutes.put(entity, until);
        }
    }

    Map<String, Instant> mutes() {
        return Map.copyOf(mutes);
    }

    @Override
    public synchronized List<OutboxMessage> onTransition(Transition transition, Entity entity, EntityState state, ImpactReport impact) {
        var name = transition.entity();
        var problem = open.get(name);
        Alert alert = null;
        switch (transition.to()) {
            case DOWN -> {
                if (isCasualty(transition)) {
                    return List.of();
                }
                if (problem == null || problem.status() != Status.DOWN) {
                    var since = problem == null ? transition.at() : problem.since();
                    var casualties = casualties(impact, name);
                    open.put(name, new Outbox.OpenProblem(name, Status.DOWN, since, casualties.size()));
                    outbox.recordPeak(name, since, casualties.size());
                    alert = alert(AlertKind.DOWN, transition, entity, state.lastError(), casualties);
                }
            }
            case DEGRADED -> {
                if (problem == null) {
                    open.put(name, new Outbox.OpenProblem(name, Status.DEGRADED, transition.at(), 0));
                    alert = alert(AlertKind.DEGRADED, transition, entity, state.lastError(), List.of());
                }
            }
            case UP -> {
                if (problem != null) {
                    open.remove(name);
                    // "previous" is what the chat was told (down or degraded), not the last step (blocked, maintenance).
                    alert = new Alert(AlertKind.RECOVERED, name, entity.type().yamlName(), transition.to().wireName(),
                            problem.status().wireName(), transition.at(), problem.since(), null, List.of(),
                            Duration.between(problem.since(), transition.at()), problem.peakCasualties(), List.of(), List.of());
                }
            }
            case BLOCKED -> {
                // Checked before its root was: the down alert, still waiting out the window, is taken back.
                if (problem != null && problem.status() == Status.DOWN
                        && Duration.between(problem.since(), transition.at()).compareTo(window) < 0) {
                    open.remove(name);
                    var cutoff = transition.at().minus(window.multipliedBy(10).plusMinutes(10));
                    retracted.values().removeIf(at -> at.isBefore(cutoff));
                    retracted.put(retractionKey(name, problem.since()), transition.at());
                }
            }
            default -> {
                // maintenance, unknown: a pause is never alerted on its own
            }
        }
        transition.rootCause().forEach(root -> notePeak(root, impact));
        if (alert == null || quiet(entity, transition.at()) || state.flapping()) {
            return List.of();
        }
        return rows(alert, problem == null ? null : problem.status());
    }

    /** How many the root blocks now, when more than ever in this outage: remembered for its recovery, across restarts. */
    private void notePeak(String root, ImpactReport impact) {
        var problem = open.get(root);
        if (problem == null || problem.status() != Status.DOWN) {
            return;
        }
        int blocked = impact.casualtiesOf(root).size();
        if (blocked > problem.peakCasualties()) {
            open.put(root, new Outbox.OpenProblem(root, Status.DOWN, problem.since(), blocked));
            outbox.recordPeak(root, problem.since(), blocked);
        }
    }

    @Override
    public synchronized List<OutboxMessage> onFlapping(Entity entity, EntityState state, Instant at) {
        if (quiet(entity, at)) {
            return List.of();
        }
        var kind = state.flapping() ? AlertKind.FLAPPING : AlertKind.SETTLED;
        var alert = new Alert(kind, entity.name(), entity.type().yamlName(), state.status().wireName(), null, at, state.since(),
                state.lastError(), List.of(), null, 0, List.of(), List.of());
        return rows(alert, null);
    }

    /** The messages telling every channel that wants it and hears of its entity; a recovery goes where the problem went. */
    private List<OutboxMessage> rows(Alert alert, Status problem) {
        var body = AlertCodec.encode(alert);
        var rows = new ArrayList<OutboxMessage>();
        for (var channel : channels) {
            if (wants(channel, alert.kind(), problem) && routing.hears(channel.key(), alert.entity())) {
                rows.add(OutboxMessage.of(channel.key(), alert.kind().wireName(), alert.entity(), alert.at(), body));
            }
        }
        return rows;
    }

    static boolean wants(Channel channel, AlertKind kind, Status problem) {
        var wants = channel.wants();
        return switch (kind) {
            case RECOVERED -> wants.contains(AlertKind.RECOVERED)
                    && wants.contains(problem == Status.DEGRADED ? AlertKind.DEGRADED : AlertKind.DOWN);
            case FLAPPING, SETTLED -> wants.contains(AlertKind.DOWN);
            case TOPOLOGY_INVALID -> true;
            default -> wants.contains(kind);
        };
    }

    /** The problems announced and not yet recovered, by entity. */
    synchronized Map<String, Outbox.OpenProblem> openProblems() {
        return Map.copyOf(open);
    }

    /** Whether alerts about the entity are kept back: {@code alerts: false}, or muted from the chat. */
    boolean quiet(Entity entity, Instant at) {
        if (!entity.alerts()) {
            return true;
        }
        var until = mutes.get(entity.name());
        return until != null && until.isAfter(at);
    }

    /** Milliseconds, as the outbox keeps times. */
    private static String retractionKey(String entity, Instant since) {
        return entity + "@" + since.toEpochMilli();
    }

    /** Down because of something else (a group whose members are down): its root's message covers it. */
    private static boolean isCasualty(Transition transition) {
        return !transition.rootCause().isEmpty() && !transition.rootCause().equals(List.of(transition.entity()));
    }

    private static List<String> casualties(ImpactReport impact, String root) {
        return List.copyOf(impact.casualtiesOf(root));
    }

    /** A problem that starts with this transition. */
    private static Alert alert(AlertKind kind, Transition transition, Entity entity, String error, List<String> casualties) {
        return Alert.problem(kind, transition.entity(), entity.type().yamlName(), transition.from().wireName(), transition.at(),
                error, casualties);
    }
}
