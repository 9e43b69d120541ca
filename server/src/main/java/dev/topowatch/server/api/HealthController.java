package dev.topowatch.server.api;

import dev.topowatch.server.store.Store;
import io.javalin.http.Context;

import java.util.LinkedHashMap;

/** The board's own health: alive, and ready (store writable, scheduler running). */
final class HealthController {
    private final Store store;
    private final CheckControl checks;

    HealthController(Store store, CheckControl checks) {
        this.store = store;
        this.checks = checks;
    }

    void live(Context context) {
        context.json(java.util.Map.of("status", "up"));
    }

    void ready(Context context) {
        var storeHealth = store.health();
        boolean running = checks.isRunning();
        var json = new LinkedHashMap<String, Object>();
        json.put("status", storeHealth.writable() && running ? "up" : "down");
        json.put("store_writable", storeHealth.writable());
        json.put("store_error", storeHealth.lastError());
        json.put("store_queued", storeHealth.queued());
        json.put("scheduler_running", running);
        context.status(storeHealth.writable() && running ? 200 : 503).json(json);
    }
}
