package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.server.store.EntityState;
import dev.topowatch.server.store.RecordedCheck;
import dev.topowatch.server.store.Store;
import dev.topowatch.server.store.Transition;
import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;
import dev.topowatch.topology.graph.Impact;
import dev.topowatch.topology.graph.ImpactReport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns raw check results into statuses: thresholds, roots and casualties through the dependency
 * graph, derived groups, flapping, maintenance, counters, and a transition for every change.
 *
 * <p>One lock guards it all, and a result costs work in proportion to what it changes, never to the
 * topology: a verdict that changes re-judges that entity's impact and the dependents that come out
 * different ({@link DependencyGraph#reclassify}); statuses are re-judged for the entities whose
 * results came in, whose impact changed, and the groups above those whose status changed; the
 * snapshot is refreshed only for those. Results are taken a batch at a time ({@link #onResults}):
 * the listeners hear once per batch, with every transition of it. {@link #work()} counts it all, so
 * that a test can hold the engine to that.
 */
public final class StatusEngine {
    /** A maintenance window that lasts until someone ends it. */
    public static final Instant UNTIL_ENDED = MaintenanceWindows.INDEFINITE;
    /** Why a released casualty shows unknown until its fresh check. */
    static final String RELEASED = "what blocked it is back: checking it again";

    private final Clock clock;
    private final Store store;
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();
    private final MaintenanceWindows maintenance = new MaintenanceWindows();
    private final CapturedValues captured = new CapturedValues();
    private final Map<String, EntityState> states = new HashMap<>();
    private final Map<String, Verdict> verdicts = new HashMap<>();
    /** The status each entity last showed, maintenance included: what transitions are measured against. */
    private final Map<String, Status> shown = new HashMap<>();
    /**
     * Entities whose failures in a row include some taken while something they need was down: those
     * say nothing of the entity itself, so they are dropped once what blocked it is back.
     */
    private final Set<String> failedWhileBlocked = new HashSet<>();
    /** Entities released that way, waiting for a fresh check: results taken before this instant are stale. */
    private final Map<String, Instant> freshFrom = new HashMap<>();
    /** The entities whose verdict is failing, kept beside the verdicts for the graph. */
    private final Set<String> failing = new HashSet<>();
    /** Every entity's status as last shown in a snapshot, and those changed since. */
    private final TreeMap<String, EntityStatus> statuses = new TreeMap<>();
    private final Set<String> staleStatuses = new HashSet<>();
    private final WorkCounter work = new WorkCounter();
    private FreshChecks freshChecks = FreshChecks.NONE;
    private Topology topology;
    private DependencyGraph graph;
    private ImpactReport impact;
    private volatile long version;
    private StatusSnapshot snapshot;
    private AlertPlanner alerts = AlertPlanner.NONE;

    public StatusEngine(Topology topology, Store store, Clock clock) {
        this.clock = clock;
        this.store = store;
        var restored = store.loadStates();
        synchronized (this) {
            install(topology, restored);
        }
    }

    public void addListener(StatusListener listener) {
        listeners.add(listener);
    }

    /** Who decides the alerts of every later transition; they are stored in the transition's transaction. */
    public synchronized void setAlertPlanner(AlertPlanner planner) {
        this.alerts = planner;
    }

    /** Who checks the casualties of a recovered root again at once; the scheduler, on a running board. */
    public synchronized void setFreshChecks(FreshChecks freshChecks) {
        this.freshChecks = freshChecks;
    }

    /** Applies one result of {@code name}'s own check: a batch of one. */
    public void onResult(String name, CheckResult result) {
        onResults(List.of(new NamedResult(name, result)));
    }

    /**
     * Applies a burst of results as one batch: each is counted and judged against its thresholds in
     * order, then statuses, transitions, alert planning, the snapshot and the listeners once for all.
     * Results for entities no longer in the topology are dropped.
     */
    public synchronized void onResults(List<NamedResult> results) {
        work.startBatch();
        var batch = new Batch();
        for (var named : results) {
            apply(named.name(), named.result(), batch);
        }
        finish(batch, results.isEmpty() ? null : results.getLast().result().error());
        work.endBatch(results.size());
    }

    private void apply(String name, CheckResult result, Batch batch) {
        var entity = topology.entities().get(name);
        if (entity == null || entity.type() == EntityType.GROUP) {
            return;
        }
        var before = states.get(name);
        batch.touched.add(name);
        if (result.error() != null) {
            batch.reasons.put(name, result.error());
        }
        if (result.isPending()) {
            pending(before, result, batch);
            return;
        }
        var releasedAt = freshFrom.get(name);
        if (releasedAt != null && result.at().isBefore(releasedAt)) {
            countStale(before, result);
            return;
        }
        freshFrom.remove(name);
        boolean passed = result.status() != Status.DOWN;
        int failures = passed ? 0 : before.consecutiveFailures() + 1;
        int successes = passed ? before.consecutiveSuccesses() + 1 : 0;
        boolean blocked = !passed && !requirementsMet(entity);
        if (blocked) {
            failedWhileBlocked.add(name);
        } else if (passed) {
            failedWhileBlocked.remove(name);
        }
        var outcomes = FlapDetector.remember(before.recentOutcomes(), outcomeLetter(result.status()));
        var after = new EntityState(name, before.status(), before.since(), result.at(),
                before.successCount() + (passed ? 1 : 0),
                before.failCount() + (passed || blocked ? 0 : 1),
                before.blockedCount() + (blocked ? 1 : 0),
                failures, successes, result.latency(), result.error(),
                FlapDetector.isFlapping(outcomes, before.flapping()), outcomes,
                before.rootCause(), before.blockedBy(), captured.after(before, result));
        setState(after);
        var verdict = verdicts.get(name).next(entity, result, failures, successes);
        var previous = setVerdict(name, verdict);
        // History does not charge a failure in a maintenance window to the entity (uptime windows read it), as it does not a blocked one.
        boolean excused = blocked || !passed && maintenance.covers(name, result.at());
        store.recordCheck(new RecordedCheck(name, result.at(), result.status(), excused, result.latency(), result.error()), after);
        if (after.flapping() != before.flapping()) {
            store.recordAlerts(alerts.onFlapping(entity, after, result.at()));
        }
        if (verdict != previous) {
            // At once, not at the end of the batch: the next result's "taken while blocked" reads it.
            verdictsChanged(Set.of(name), batch);
        }
    }

    /**
     * The probe cannot say yet (a heartbeat that has not heard from its job since the board started,
     * within {@code max_silence}): pending, neither up nor down, and nothing counted. What it waits
     * for is shown as its last error.
     */
    private void pending(EntityState before, CheckResult result, Batch batch) {
        var name = before.name();
        var after = new EntityState(name, before.status(), before.since(), result.at(), before.successCount(),
                before.failCount(), before.blockedCount(), 0, 0, result.latency(), result.error(), before.flapping(),
                before.recentOutcomes(), before.rootCause(), before.blockedBy(), result.extra());
        setState(after);
        failedWhileBlocked.remove(name);
        freshFrom.remove(name);
        if (setVerdict(name, Verdict.PENDING) != Verdict.PENDING) {
            verdictsChanged(Set.of(name), batch);
        }
    }

    /**
     * A result of a probe that started while the entity was blocked, delivered after it was released:
     * counted as blocked and kept in its history, but it decides nothing (a fresh check does).
     */
    private void countStale(EntityState before, CheckResult result) {
        boolean passed = result.status() != Status.DOWN;
        var after = new EntityState(before.name(), before.status(), before.since(), result.at(),
                before.successCount() + (passed ? 1 : 0), before.failCount(), before.blockedCount() + (passed ? 0 : 1),
                before.consecutiveFailures(), before.consecutiveSuccesses(), result.latency(), result.error(),
                before.flapping(), before.recentOutcomes(), before.rootCause(), before.blockedBy(), result.extra());
        setState(after);
        store.recordCheck(new RecordedCheck(before.name(), result.at(), result.status(), !passed, result.latency(), result.error()), after);
    }

    /** Replaces the topology (a reload): unchanged entities keep everything, removed ones are marked, new ones restored or fresh. */
    public synchronized void setTopology(Topology next) {
        var now = clock.instant();
        for (var name : topology.entities().keySet()) {
            if (!next.entities().containsKey(name)) {
                store.markRemoved(name, now);
                states.remove(name);
                captured.forget(name);
                verdicts.remove(name);
                failing.remove(name);
                shown.remove(name);
                staleStatuses.add(name);
                failedWhileBlocked.remove(name);
                freshFrom.remove(name);
            }
        }
        var restored = new HashMap<String, EntityState>();
        if (next.entities().keySet().stream().anyMatch(name -> !states.containsKey(name))) {
            restored.putAll(store.loadStates());
        }
        restored.putAll(states);
        install(next, restored);
        changed(List.of());
    }

    /** Starts maintenance for one entity, or the whole board when {@code entity} is null. */
    public synchronized void startMaintenance(String entity, Instant until) {
        if (entity == null) {
            maintenance.startBoard(until);
        } else {
            maintenance.start(entity, until);
        }
        changed(reclassifyAll("maintenance started"));
    }

    public synchronized void endMaintenance(String entity) {
        if (entity == null) {
            maintenance.endBoard();
        } else {
            maintenance.end(entity);
        }
        changed(reclassifyAll("maintenance ended"));
    }

    /** Re-evaluates what depends on time alone (maintenance windows ending); call it every second or so. */
    public synchronized void tick() {
        if (!maintenance.anyWindow()) {
            return;
        }
        var transitions = reclassifyAll("maintenance ended");
        maintenance.forgetExpired(clock.instant());
        if (!transitions.isEmpty()) {
            changed(transitions);
        }
    }

    /** Grows with every change; cheap, for pollers that only want to know whether to look. */
    public long version() {
        return version;
    }

    /** Every entity's status now, immutable. */
    public synchronized StatusSnapshot snapshot() {
        if (snapshot == null) {
            for (var name : staleStatuses) {
                var entity = topology.entities().get(name);
                if (entity == null) {
                    statuses.remove(name);
                } else {
                    statuses.put(name, StatusView.of(entity, states.get(name), shown.get(name)));
                }
            }
            work.statusesViewed(staleStatuses.size());
            staleStatuses.clear();
            snapshot = new StatusSnapshot(version, clock.instant(), statuses);
        }
        return snapshot;
    }

    public synchronized ImpactReport impact() {
        return impact;
    }

    /** The dependency graph of the current topology, built once per topology. */
    public synchronized DependencyGraph graph() {
        return graph;
    }

    public synchronized Topology topology() {
        return topology;
    }

    public synchronized Optional<EntityState> state(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /**
     * When the captured values an entity shows were taken; before its last check when they are stale
     * (kept from an earlier check while it fails or is blocked).
     */
    public synchronized Optional<Instant> capturedAt(String name) {
        return captured.at(name);
    }

    /** Open maintenance windows: the board's under the key "" when set. */
    public synchronized Map<String, Instant> maintenanceWindows() {
        var now = clock.instant();
        var windows = new TreeMap<>(maintenance.entityWindows(now));
        maintenance.boardUntil(now).ifPresent(until -> windows.put("", until));
        return windows;
    }

    private void install(Topology next, Map<String, EntityState> restored) {
        topology = next;
        graph = DependencyGraph.of(next);
        failing.clear();
        for (var name : next.entities().keySet()) {
            var state = restored.getOrDefault(name, EntityState.fresh(name));
            states.put(name, state);
            verdicts.putIfAbsent(name, Verdict.of(state.status()));
            shown.putIfAbsent(name, state.status());
            if (verdicts.get(name) == Verdict.FAILING) {
                failing.add(name);
            }
            if (state.status() == Status.BLOCKED) {
                failedWhileBlocked.add(name);
            }
        }
        staleStatuses.addAll(next.entities().keySet());
        impact = graph.classify(failing);
        work.judged(next.entities().size());
        var batch = new Batch();
        release(new ArrayList<>(failedWhileBlocked), batch);
        reclassifyAll("restored");
    }

    /**
     * The impact after {@code changed} entities' verdicts changed, then the casualties it releases
     * (below). What it re-judged goes into the batch.
     */
    private void verdictsChanged(Collection<String> changed, Batch batch) {
        var reclassified = graph.reclassify(impact, failing, changed);
        impact = reclassified.report();
        work.judged(reclassified.judged());
        batch.touched.addAll(changed);
        batch.touched.addAll(reclassified.changed());
        var candidates = new ArrayList<String>();
        for (var name : reclassified.changed()) {
            if (impact.impact(name).isAvailable()) {
                for (var dependent : graph.dependents(name)) {
                    if (failedWhileBlocked.contains(dependent)) {
                        candidates.add(dependent);
                    }
                }
            }
        }
        if (!candidates.isEmpty()) {
            release(candidates, batch);
        }
    }

    /**
     * Releases the casualties among {@code candidates} whose blockers are back: the failures they had
     * while blocked are forgotten, they are pending again (unknown) and checked afresh at once, so that
     * only a failure of their own after their root recovered makes them a root. Releasing one may
     * release what depends on it: {@link #verdictsChanged} comes back here with its dependents, as deep
     * as the chain of casualties. Only the dependents of what became available are candidates, so a
     * recovery looks at what it can release, not at every casualty of the board.
     */
    private void release(Collection<String> candidates, Batch batch) {
        var now = clock.instant();
        var recheck = new TreeSet<String>();
        var pending = new ArrayList<String>();
        for (var name : candidates) {
            var entity = topology.entities().get(name);
            if (!failedWhileBlocked.contains(name) || entity != null && !requirementsMet(entity)) {
                continue;
            }
            failedWhileBlocked.remove(name);
            if (entity == null) {
                continue;
            }
            setState(withoutStreaks(states.get(name)));
            freshFrom.put(name, now);
            if (verdicts.get(name) == Verdict.FAILING) {
                setVerdict(name, Verdict.PENDING);
                recheck.add(name);
                pending.add(name);
            }
        }
        if (!recheck.isEmpty()) {
            freshChecks.request(recheck);
        }
        if (!pending.isEmpty()) {
            verdictsChanged(pending, batch);
        }
    }

    private static EntityState withoutStreaks(EntityState state) {
        return new EntityState(state.name(), state.status(), state.since(), state.lastCheck(), state.successCount(),
                state.failCount(), state.blockedCount(), 0, 0, state.latency(), state.lastError(), state.flapping(),
                state.recentOutcomes(), state.rootCause(), state.blockedBy(), state.extra());
    }

    /** Sets a verdict, keeping {@link #failing} beside it; returns the one before. */
    private Verdict setVerdict(String name, Verdict verdict) {
        var previous = verdicts.put(name, verdict);
        if (verdict == Verdict.FAILING) {
            failing.add(name);
        } else {
            failing.remove(name);
        }
        return previous;
    }

    private void setState(EntityState state) {
        states.put(state.name(), state);
        staleStatuses.add(state.name());
    }

    /** The statuses of a batch's entities, the groups above any that changed, then the listeners. */
    private void finish(Batch batch, String lastError) {
        if (batch.touched.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var rules = new StatusRules(topology, impact, this::ownStatus);
        var transitions = new ArrayList<Transition>();
        var queue = new ArrayDeque<>(batch.touched);
        var seen = new HashSet<>(batch.touched);
        int restated = 0;
        while (!queue.isEmpty()) {
            var name = queue.poll();
            var entity = topology.entities().get(name);
            if (entity == null) {
                continue;
            }
            restated++;
            var reason = batch.reasons.getOrDefault(name, lastError);
            if (restate(entity, rules, now, reason, transitions)) {
                for (var dependent : graph.dependents(name)) {
                    var above = topology.entities().get(dependent);
                    if (above != null && above.type() == EntityType.GROUP && seen.add(dependent)) {
                        queue.add(dependent);
                    }
                }
            }
        }
        work.restated(restated);
        changed(transitions);
    }

    /** What one batch touched, for {@link #finish}. */
    private static final class Batch {
        /** Entities whose status may have changed: results came in, or their impact changed. */
        final Set<String> touched = new LinkedHashSet<>();
        /** The error of each entity's last result in the batch, to describe its transition. */
        final Map<String, String> reasons = new HashMap<>();
    }

    /** Every entity's status again, from the impact as classified; returns the transitions, each already stored. */
    private List<Transition> reclassifyAll(String reason) {
        var now = clock.instant();
        var transitions = new ArrayList<Transition>();
        var rules = new StatusRules(topology, impact, this::ownStatus);
        for (var entity : topology.entities().values()) {
            restate(entity, rules, now, reason, transitions);
        }
        work.restated(topology.entities().size());
        return transitions;
    }

    /**
     * One entity's status again; a change of what it shows is a transition, stored and added to
     * {@code transitions}. Returns whether its status (as its dependents see it) changed.
     */
    private boolean restate(Entity entity, StatusRules rules, Instant now, String reason, List<Transition> transitions) {
        var name = entity.name();
        var state = states.get(name);
        var status = rules.statusOf(entity);
        var entityImpact = impact.impact(name);
        var shownNow = maintenance.covers(name, now) ? Status.MAINTENANCE : status;
        var previouslyShown = shown.get(name);
        boolean statusChanged = status != state.status();
        if (statusChanged || !entityImpact.rootCause().equals(state.rootCause()) || !entityImpact.blockedBy().equals(state.blockedBy())) {
            state = new EntityState(name, status, shownNow != previouslyShown || state.since() == null ? now : state.since(),
                    state.lastCheck(), state.successCount(), state.failCount(), state.blockedCount(),
                    state.consecutiveFailures(), state.consecutiveSuccesses(), state.latency(), state.lastError(),
                    state.flapping(), state.recentOutcomes(), entityImpact.rootCause(), entityImpact.blockedBy(), state.extra());
            setState(state);
        }
        if (shownNow != previouslyShown) {
            if (!statusChanged) {
                state = withSince(state, now);
                setState(state);
            }
            shown.put(name, shownNow);
            staleStatuses.add(name);
            var transition = new Transition(0, name, previouslyShown, shownNow, now,
                    describe(entity, shownNow, state, freshFrom.containsKey(name) ? RELEASED : reason), entityImpact.rootCause());
            store.recordTransition(transition, state, alerts.onTransition(transition, entity, state, impact));
            transitions.add(transition);
        }
        return statusChanged;
    }

    private static EntityState withSince(EntityState state, Instant since) {
        return new EntityState(state.name(), state.status(), since, state.lastCheck(), state.successCount(), state.failCount(),
                state.blockedCount(), state.consecutiveFailures(), state.consecutiveSuccesses(), state.latency(),
                state.lastError(), state.flapping(), state.recentOutcomes(), state.rootCause(), state.blockedBy(), state.extra());
    }

    /** A passing entity is up, or degraded when its last check was; unknown until its checks say. */
    private Status ownStatus(String name) {
        if (verdicts.get(name) != Verdict.PASSING) {
            return Status.UNKNOWN;
        }
        var outcomes = states.get(name).recentOutcomes();
        return !outcomes.isEmpty() && outcomes.charAt(outcomes.length() - 1) == 'D' ? Status.DEGRADED : Status.UP;
    }

    /** Whether everything the entity needs is available now: if not, its failure is not its own. */
    private boolean requirementsMet(Entity entity) {
        for (var requirement : entity.requirements()) {
            var met = switch (requirement) {
                case Dependency.On on -> available(on.name());
                case Dependency.AnyOf anyOf -> anyOf.names().stream().anyMatch(this::available);
            };
            if (!met) {
                return false;
            }
        }
        return true;
    }

    private boolean available(String name) {
        return !topology.entities().containsKey(name) || impact.impact(name).isAvailable();
    }

    private static String describe(Entity entity, Status to, EntityState state, String reason) {
        return switch (to) {
            case DOWN -> state.lastError() == null ? reason : state.lastError();
            case BLOCKED -> "blocked by " + String.join(", ", state.blockedBy());
            case DEGRADED -> state.lastError() == null ? "degraded" : state.lastError();
            case UP -> entity.type() == EntityType.GROUP ? "members available" : "check passes";
            case MAINTENANCE -> "maintenance started";
            case UNKNOWN -> reason;
        };
    }

    private void changed(List<Transition> transitions) {
        version++;
        snapshot = null;
        if (!transitions.isEmpty()) {
            var current = snapshot();
            listeners.forEach(listener -> listener.onTransitions(transitions, impact, current));
        }
    }

    private static char outcomeLetter(Status status) {
        return switch (status) {
            case UP -> 'U';
            case DEGRADED -> 'D';
            default -> 'F';
        };
    }

    /** How much work the engine has done so far, and in its last batch. */
    public synchronized EngineWork work() {
        return work.now();
    }

    /** For tests and the summary: the impact of one entity now. */
    synchronized Impact impactOf(String name) {
        return impact.impact(name);
    }
}
