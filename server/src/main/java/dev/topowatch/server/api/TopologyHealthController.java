package dev.topowatch.server.api;

import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.GroupCheck;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /health/topology}: what the board watches, as one answer an outside monitor (Uptime Kuma,
 * Gatus, a cron {@code curl -f}) can watch in turn: 200 while no critical entity is down or blocked,
 * 503 and the roots to blame otherwise. Not the board's own readiness ({@code /health/ready}): a board
 * that works perfectly answers 503 here when the database it watches is down.
 */
final class TopologyHealthController {
    private final StatusEngine engine;

    TopologyHealthController(StatusEngine engine) {
        this.engine = engine;
    }

    void topology(Context context) {
        var topology = engine.topology();
        var snapshot = engine.snapshot();
        var scope = scope(context.queryParam("group"));
        var project = ProjectScope.of(topology, context.queryParam("project"));
        var failing = new ArrayList<Map<String, Object>>();
        var roots = new TreeSet<String>();
        int critical = 0;
        for (var entity : topology.entities().values()) {
            if (!entity.critical() || scope != null && !scope.contains(entity.name()) || !project.test(entity)) {
                continue;
            }
            critical++;
            var status = snapshot.of(entity.name());
            if (status.status() == Status.DOWN || status.status() == Status.BLOCKED) {
                var item = new LinkedHashMap<String, Object>();
                item.put("name", entity.name());
                item.put("status", status.status().wireName());
                item.put("root_cause", status.rootCause());
                failing.add(item);
                roots.addAll(status.status() == Status.DOWN ? Set.of(entity.name()) : status.rootCause());
            }
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("status", failing.isEmpty() ? "ok" : "failing");
        json.put("critical", critical);
        json.put("roots", roots);
        json.put("failing", failing);
        context.status(failing.isEmpty() ? 200 : 503).json(json);
    }

    /** A group and its members, or null for the whole topology. */
    private Set<String> scope(String group) {
        if (group == null) {
            return null;
        }
        var entity = engine.topology().entity(group).orElseThrow(() -> ApiError.notFound("no entity named '" + group + "'"));
        if (!(entity.check() instanceof GroupCheck members)) {
            throw ApiError.badRequest("'group' must name a group entity; '" + group + "' is a " + entity.type().yamlName());
        }
        var scope = new TreeSet<>(members.members());
        scope.add(entity.name());
        return scope;
    }
}
