package dev.topowatch.server.api;

import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.store.HistoryPoint;
import dev.topowatch.server.store.Store;
import dev.topowatch.server.store.Transition;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;
import dev.topowatch.topology.load.Durations;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/entities}, one entity, its history, and the transitions log. */
final class EntitiesController {
    static final int MAX_TRANSITIONS = 1000;
    static final int MAX_HISTORY_POINTS = 2000;

    private final StatusEngine engine;
    private final Store store;
    private final Clock clock;

    EntitiesController(StatusEngine engine, Store store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Every entity, or those of {@code ?status=} (one or several, comma-separated), {@code ?server=},
     * {@code ?type=}, {@code ?project=} and {@code ?tag=}, a page at a time ({@link EntityPage}).
     */
    void list(Context context) {
        var statuses = statuses(context.queryParam("status"));
        var server = context.queryParam("server");
        var type = context.queryParam("type");
        var wantedType = type == null ? null : EntityType.fromYaml(type)
                .orElseThrow(() -> ApiError.badRequest("unknown type '" + type + "'"));
        var tag = context.queryParam("tag");
        var page = EntityPage.of(context);
        var topology = engine.topology();
        var project = ProjectScope.of(topology, context.queryParam("project"));
        var snapshot = engine.snapshot();
        var graph = engine.graph();
        var matching = topology.entities().values().stream()
                .filter(entity -> server == null || server.equals(entity.server()))
                .filter(entity -> wantedType == null || entity.type() == wantedType)
                .filter(project)
                .filter(entity -> tag == null || entity.tags().contains(tag))
                .filter(entity -> statuses == null || statuses.contains(snapshot.of(entity.name()).status()))
                .toList();
        var entities = page.cut(matching, Entity::name, context).stream()
                .map(entity -> json(entity, topology, snapshot, graph))
                .map(json -> page.fields() == null ? json : EntityJson.only(json, page.fields()))
                .toList();
        context.json(entities);
    }

    private static java.util.Set<Status> statuses(String text) {
        if (text == null) {
            return null;
        }
        var statuses = java.util.EnumSet.noneOf(Status.class);
        for (var wanted : text.split(",")) {
            var status = Arrays.stream(Status.values()).filter(known -> known.wireName().equals(wanted.strip())).findFirst()
                    .orElseThrow(() -> ApiError.badRequest("unknown status '" + wanted.strip()
                            + "': use up, degraded, down, blocked, unknown or maintenance, or several with commas"));
            statuses.add(status);
        }
        return statuses;
    }

    void one(Context context) {
        var entity = entity(context);
        var topology = engine.topology();
        var json = json(entity, topology, engine.snapshot(), engine.graph());
        json.put("uptime", UptimeWindows.of(store, GroupJson.checked(entity, topology), clock.instant()));
        context.json(json);
    }

    /**
     * The entity's JSON, a group's completed from its members, with when its captured values were
     * taken: {@code extra_stale} when that was before its last check (it failed or was blocked since).
     */
    private Map<String, Object> json(Entity entity, Topology topology, StatusSnapshot snapshot, DependencyGraph graph) {
        var status = snapshot.of(entity.name());
        var json = EntityJson.of(entity, status, graph.dependents(entity.name()));
        GroupJson.complete(json, entity, topology, snapshot);
        var capturedAt = engine.capturedAt(entity.name());
        json.put("extra_at", EntityJson.timestamp(capturedAt.orElse(null)));
        json.put("extra_stale", capturedAt.isPresent() && status.lastCheck() != null && capturedAt.get().isBefore(status.lastCheck()));
        return json;
    }

    void history(Context context) {
        var entity = entity(context);
        var now = clock.instant();
        var to = instant(context, "to", now);
        var from = instant(context, "from", to.minus(Duration.ofHours(24)));
        if (!from.isBefore(to)) {
            throw ApiError.badRequest("'from' must be before 'to'");
        }
        var step = step(context, Duration.between(from, to));
        var points = store.history(entity.name(), from, to, step).stream().map(EntitiesController::point).toList();
        var json = new LinkedHashMap<String, Object>();
        json.put("entity", entity.name());
        json.put("from", EntityJson.timestamp(from));
        json.put("to", EntityJson.timestamp(to));
        json.put("step", EntityJson.seconds(step));
        json.put("points", points);
        context.json(json);
    }

    void transitions(Context context) {
        var entity = context.queryParam("entity");
        if (entity != null && engine.topology().entity(entity).isEmpty() && store.transitions(entity, 1, null).isEmpty()) {
            throw ApiError.notFound("no entity named '" + entity + "'");
        }
        int limit = integer(context, "limit", 100, 1, MAX_TRANSITIONS);
        var before = context.queryParam("before") == null ? null : instant(context, "before", null);
        context.json(store.transitions(entity, limit, before).stream().map(EntitiesController::transition).toList());
    }

    private Entity entity(Context context) {
        var name = context.pathParam("name");
        return engine.topology().entity(name).orElseThrow(() -> ApiError.notFound("no entity named '" + name + "'"));
    }

    static Map<String, Object> transition(Transition transition) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", transition.id());
        json.put("entity", transition.entity());
        json.put("from", transition.from().wireName());
        json.put("to", transition.to().wireName());
        json.put("at", EntityJson.timestamp(transition.at()));
        json.put("reason", transition.reason());
        json.put("root_cause", transition.rootCause());
        return json;
    }

    private static Map<String, Object> point(HistoryPoint point) {
        var json = new LinkedHashMap<String, Object>();
        json.put("start", EntityJson.timestamp(point.start()));
        json.put("count", point.count());
        json.put("failures", point.failures());
        json.put("blocked", point.blocked());
        json.put("latency_min_ms", millis(point.latencyMin()));
        json.put("latency_avg_ms", millis(point.latencyAvg()));
        json.put("latency_max_ms", millis(point.latencyMax()));
        json.put("latency_p95_ms", millis(point.latencyP95()));
        return json;
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    private static Instant instant(Context context, String name, Instant fallback) {
        var text = context.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException invalid) {
            throw ApiError.badRequest("'" + name + "' must be an ISO-8601 instant such as 2026-03-03T06:37:24Z");
        }
    }

    /** The step asked for, or one that gives about 300 points; never so small that one answer holds more than {@link #MAX_HISTORY_POINTS}. */
    private static Duration step(Context context, Duration range) {
        var text = context.queryParam("step");
        Duration step;
        if (text == null) {
            step = Duration.ofSeconds(Math.max(60, range.toSeconds() / 300));
        } else {
            step = Durations.parse(text)
                    .filter(parsed -> !parsed.isZero())
                    .orElseThrow(() -> ApiError.badRequest("'step' must be a duration such as 1m, 5m or 1h"));
        }
        if (range.dividedBy(step) > MAX_HISTORY_POINTS) {
            throw ApiError.badRequest("that is more than " + MAX_HISTORY_POINTS + " points: choose a larger step");
        }
        return step;
    }

    static int integer(Context context, String name, int fallback, int min, int max) {
        var text = context.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            var value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw ApiError.badRequest("'" + name + "' must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException invalid) {
            throw ApiError.badRequest("'" + name + "' must be a whole number");
        }
    }
}
