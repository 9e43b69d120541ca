package dev.topowatch.server.api;

import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.topology.check.HeartbeatCheck;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What changes state: run a check now, maintenance windows, heartbeat pushes (GET or POST, so that cron's plain curl works). */
final class ControlController {
    private final StatusEngine engine;
    private final CheckControl checks;
    private final Access access;
    private final Clock clock;

    ControlController(StatusEngine engine, CheckControl checks, Access access, Clock clock) {
        this.engine = engine;
        this.checks = checks;
        this.access = access;
        this.clock = clock;
    }

    void checkNow(Context context) {
        access.requireWrite(context);
        var name = context.pathParam("name");
        var entity = engine.topology().entity(name).orElseThrow(() -> ApiError.notFound("no entity named '" + name + "'"));
        if (!checks.runNow(entity.name())) {
            throw ApiError.conflict("'" + name + "' is a " + entity.type().yamlName() + " and has no check of its own");
        }
        context.status(202).json(Map.of("entity", name, "scheduled", true));
    }

    void startMaintenance(Context context) {
        access.requireWrite(context);
        var entity = entityParameter(context);
        var until = until(context);
        engine.startMaintenance(entity, until);
        context.status(201).json(maintenance(entity, until));
    }

    void endMaintenance(Context context) {
        access.requireWrite(context);
        var entity = entityParameter(context);
        var windows = engine.maintenanceWindows();
        if (!windows.containsKey(entity == null ? "" : entity)) {
            throw ApiError.conflict(entity == null ? "the board is not in maintenance" : "'" + entity + "' is not in maintenance");
        }
        engine.endMaintenance(entity);
        context.status(204);
    }

    void push(Context context) {
        var name = context.pathParam("name");
        var entity = engine.topology().entity(name).orElseThrow(() -> ApiError.notFound("no entity named '" + name + "'"));
        if (!(entity.check() instanceof HeartbeatCheck heartbeat)) {
            throw ApiError.conflict("'" + name + "' is a " + entity.type().yamlName() + ", not a heartbeat: it is probed, not pushed to");
        }
        access.requirePush(context, heartbeat.token());
        var push = PushRequest.read(context, clock.instant());
        checks.push(name, push);
        context.status(202).json(Map.of("entity", name, "received", EntityJson.timestamp(push.at()), "status", push.status().wireName()));
    }

    /** The entity named by {@code ?entity=}, or null for the whole board. */
    private String entityParameter(Context context) {
        var name = context.queryParam("entity");
        if (name != null && engine.topology().entity(name).isEmpty()) {
            throw ApiError.notFound("no entity named '" + name + "'");
        }
        return name;
    }

    /** {@code ?until=ISO-8601} or {@code ?minutes=N}; neither means until someone ends it. */
    private Instant until(Context context) {
        var until = context.queryParam("until");
        var minutes = context.queryParam("minutes");
        if (until != null && minutes != null) {
            throw ApiError.badRequest("give 'until' or 'minutes', not both");
        }
        if (until != null) {
            try {
                var instant = Instant.parse(until);
                if (!instant.isAfter(clock.instant())) {
                    throw ApiError.badRequest("'until' is in the past");
                }
                return instant;
            } catch (DateTimeParseException invalid) {
                throw ApiError.badRequest("'until' must be an ISO-8601 instant such as 2026-03-03T06:37:24Z");
            }
        }
        if (minutes != null) {
            int count = EntitiesController.integer(context, "minutes", 60, 1, 525_600);
            return clock.instant().plus(Duration.ofMinutes(count));
        }
        return StatusEngine.UNTIL_ENDED;
    }

    private static Map<String, Object> maintenance(String entity, Instant until) {
        var json = new LinkedHashMap<String, Object>();
        json.put("entity", entity);
        json.put("until", until.equals(StatusEngine.UNTIL_ENDED) ? null : EntityJson.timestamp(until));
        return json;
    }
}
