package dev.topowatch.server.engine;

import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.store.CheckTotals;
import dev.topowatch.server.store.EntityState;
import dev.topowatch.server.store.HistoryPoint;
import dev.topowatch.server.store.OutboxMessage;
import dev.topowatch.server.store.RecordedCheck;
import dev.topowatch.server.store.SentMessage;
import dev.topowatch.server.store.Store;
import dev.topowatch.server.store.StoreHealth;
import dev.topowatch.server.store.Transition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store that remembers what the engine wrote, so that engine tests can look at it and restart an
 * engine from it. The real SQLite store has tests of its own; end-to-end tests use it.
 */
final class RecordingStore implements Store {
    final Map<String, EntityState> states = new HashMap<>();
    final List<Transition> transitions = new ArrayList<>();
    final List<RecordedCheck> checks = new ArrayList<>();
    final Map<String, Instant> removed = new HashMap<>();
    final Map<String, Push> pushes = new HashMap<>();

    @Override
    public Map<String, EntityState> loadStates() {
        return Map.copyOf(states);
    }

    @Override
    public void recordCheck(RecordedCheck check, EntityState state) {
        checks.add(check);
        states.put(state.name(), state);
        removed.remove(state.name());
    }

    final List<OutboxMessage> alerts = new ArrayList<>();

    @Override
    public void recordTransition(Transition transition, EntityState state, List<OutboxMessage> caused) {
        transitions.add(transition);
        states.put(state.name(), state);
        alerts.addAll(caused);
    }

    @Override
    public void recordAlerts(List<OutboxMessage> caused) {
        alerts.addAll(caused);
    }

    @Override
    public List<OutboxMessage> pendingAlerts(String channel, int limit) {
        return List.of();
    }

    @Override
    public void alertsDelivered(List<Long> ids, Instant at, List<SentMessage> sent) {
    }

    @Override
    public List<SentMessage> editableMessages(String channel) {
        return List.of();
    }

    @Override
    public void messageEdited(SentMessage edited, Instant at) {
    }

    @Override
    public void messageClosed(String channel, long messageId, Instant at) {
    }

    @Override
    public void alertsFailed(List<Long> ids, String error, Instant nextAttempt) {
    }

    @Override
    public void alertsSuperseded(List<Long> ids, String reason, Instant at) {
    }

    @Override
    public boolean lastProblemSuperseded(String channel, String entity, long beforeId) {
        return false;
    }

    @Override
    public Map<String, Long> undeliveredAlerts() {
        return Map.of();
    }

    @Override
    public Map<String, OpenProblem> openProblems() {
        return Map.of();
    }

    @Override
    public void recordPeak(String entity, Instant since, int casualties) {
    }

    @Override
    public void mute(String entity, Instant until) {
    }

    @Override
    public Map<String, Instant> mutes() {
        return Map.of();
    }

    @Override
    public void onAlertsWritten(Runnable listener) {
    }

    @Override
    public void recordPush(String entity, Push push) {
        pushes.merge(entity, push, (known, pushed) -> pushed.at().isBefore(known.at()) ? known : pushed);
    }

    @Override
    public Map<String, Push> lastPushes() {
        return Map.copyOf(pushes);
    }

    @Override
    public void markRemoved(String entity, Instant at) {
        removed.put(entity, at);
    }

    @Override
    public List<HistoryPoint> history(String entity, Instant from, Instant to, Duration step) {
        return List.of();
    }

    @Override
    public CheckTotals totals(java.util.Collection<String> entities, Instant from, Instant to) {
        return new CheckTotals(0, 0, 0);
    }

    @Override
    public List<Transition> transitions(String entity, int limit, Instant before) {
        return transitions.reversed().stream().filter(t -> entity == null || t.entity().equals(entity)).limit(limit).toList();
    }

    @Override
    public List<RecordedCheck> recentChecks(String entity, int limit) {
        return checks.reversed().stream().filter(c -> c.entity().equals(entity)).limit(limit).toList();
    }

    @Override
    public long prune(Instant now) {
        return 0;
    }

    @Override
    public void flush() {
    }

    @Override
    public StoreHealth health() {
        return new StoreHealth(true, null, 0);
    }

    @Override
    public void close() {
    }
}
