package dev.topowatch.server.api;

import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.store.StoreHealth;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.graph.ImpactReport;
import io.javalin.http.Context;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /api/summary}: counts by status, current roots with their casualties, the topology in use;
 * with {@code ?project=}, counts of that project's entities and the roots that are in it or block it.
 */
final class SummaryController {
    private final StatusEngine engine;
    private final Supplier<TopologyInfo> topologyInfo;
    private final Supplier<Map<String, Long>> undeliveredAlerts;
    private final Supplier<StoreHealth> storeHealth;

    SummaryController(StatusEngine engine, Supplier<TopologyInfo> topologyInfo, Supplier<Map<String, Long>> undeliveredAlerts,
                      Supplier<StoreHealth> storeHealth) {
        this.storeHealth = storeHealth;
        this.engine = engine;
        this.topologyInfo = topologyInfo;
        this.undeliveredAlerts = undeliveredAlerts;
    }

    void summary(Context context) {
        var topology = engine.topology();
        var project = ProjectScope.of(topology, context.queryParam("project"));
        Predicate<String> inScope = name -> topology.entity(name).filter(project).isPresent();
        var json = summary(engine.snapshot(), engine.impact(), topologyInfo.get(), storeHealth.get(), topology.board().title(), inScope);
        var undelivered = undeliveredAlerts.get();
        var alerts = new LinkedHashMap<String, Object>();
        alerts.put("undelivered", undelivered.values().stream().mapToLong(Long::longValue).sum());
        alerts.put("undelivered_by_channel", undelivered);
        json.put("alerts", alerts);
        context.json(json);
    }

    static Map<String, Object> summary(StatusSnapshot snapshot, ImpactReport impact, TopologyInfo info, StoreHealth store,
                                       String title) {
        return summary(snapshot, impact, info, store, title, name -> true);
    }

    /** @param inScope the entities counted; a root is listed when it or one of its casualties is one of them */
    private static Map<String, Object> summary(StatusSnapshot snapshot, ImpactReport impact, TopologyInfo info, StoreHealth store,
                                               String title, Predicate<String> inScope) {
        var counts = new EnumMap<Status, Integer>(Status.class);
        for (var status : Status.values()) {
            counts.put(status, 0);
        }
        int entities = 0;
        for (var entry : snapshot.entities().entrySet()) {
            if (inScope.test(entry.getKey())) {
                counts.merge(entry.getValue().status(), 1, Integer::sum);
                entities++;
            }
        }
        var byStatus = new LinkedHashMap<String, Integer>();
        counts.forEach((status, count) -> byStatus.put(status.wireName(), count));
        var json = new LinkedHashMap<String, Object>();
        json.put("title", title);
        json.put("at", EntityJson.timestamp(snapshot.at()));
        json.put("entities", entities);
        json.put("counts", byStatus);
        json.put("roots", roots(snapshot, impact, inScope));
        var topology = new LinkedHashMap<String, Object>();
        topology.put("version", info.version());
        topology.put("loaded_at", EntityJson.timestamp(info.loadedAt()));
        topology.put("reload_errors", info.reloadErrors());
        topology.put("layout_engine", info.layoutEngine());
        json.put("topology", topology);
        // When the database cannot be written the board runs on from memory; the page says so.
        var storeJson = new LinkedHashMap<String, Object>();
        storeJson.put("writable", store.writable());
        storeJson.put("last_error", store.lastError());
        storeJson.put("queued", store.queued());
        json.put("store", storeJson);
        return json;
    }

    private static List<Map<String, Object>> roots(StatusSnapshot snapshot, ImpactReport impact, Predicate<String> inScope) {
        return impact.roots().stream()
                .filter(root -> inScope.test(root) || impact.casualtiesOf(root).stream().anyMatch(inScope))
                .map(root -> {
            var status = snapshot.of(root);
            var casualties = impact.casualtiesOf(root);
            var json = new LinkedHashMap<String, Object>();
            json.put("name", root);
            json.put("status", status.status().wireName());
            json.put("since", EntityJson.timestamp(status.since()));
            json.put("last_error", status.lastError());
            json.put("casualties", List.copyOf(casualties));
            return (Map<String, Object>) json;
        }).toList();
    }
}
