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
import java.util.function.Supplier;

/** {@code /api/summary}: counts by status, current roots with their casualties, the topology in use. */
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
        var json = summary(engine.snapshot(), engine.impact(), topologyInfo.get(), storeHealth.get(), engine.topology().board().title());
        var undelivered = undeliveredAlerts.get();
        var alerts = new LinkedHashMap<String, Object>();
        alerts.put("undelivered", undelivered.values().stream().mapToLong(Long::longValue).sum());
        alerts.put("undelivered_by_channel", undelivered);
        json.put("alerts", alerts);
        context.json(json);
    }

    static Map<String, Object> summary(StatusSnapshot snapshot, ImpactReport impact, TopologyInfo info, StoreHealth store,
                                       String title) {
        var counts = new EnumMap<Status, Integer>(Status.class);
        for (var status : Status.values()) {
            counts.put(status, 0);
        }
        snapshot.entities().values().forEach(entity -> counts.merge(entity.status(), 1, Integer::sum));
        var byStatus = new LinkedHashMap<String, Integer>();
        counts.forEach((status, count) -> byStatus.put(status.wireName(), count));
        var json = new LinkedHashMap<String, Object>();
        json.put("title", title);
        json.put("at", EntityJson.timestamp(snapshot.at()));
        json.put("entities", snapshot.entities().size());
        json.put("counts", byStatus);
        json.put("roots", roots(snapshot, impact));
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

    private static List<Map<String, Object>> roots(StatusSnapshot snapshot, ImpactReport impact) {
        return impact.roots().stream().map(root -> {
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
