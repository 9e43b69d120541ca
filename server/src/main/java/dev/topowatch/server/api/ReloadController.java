package dev.topowatch.server.api;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.function.Supplier;

/** {@code POST /api/reload}: load the topology file now, as an edit would, and say what runs. */
final class ReloadController {
    private final Supplier<TopologyInfo> reload;
    private final Access access;

    ReloadController(Supplier<TopologyInfo> reload, Access access) {
        this.reload = reload;
        this.access = access;
    }

    void reload(Context context) {
        access.requireWrite(context);
        var info = reload.get();
        var body = new LinkedHashMap<String, Object>();
        if (!info.reloadErrors().isEmpty()) {
            body.put("error", "invalid_topology");
            body.put("detail", "the file on disk is invalid; the board keeps running version " + info.version() + ": "
                    + info.reloadErrors().getFirst());
            body.put("errors", info.reloadErrors());
            context.status(409).json(body);
            return;
        }
        body.put("version", info.version());
        body.put("loaded_at", EntityJson.timestamp(info.loadedAt()));
        context.json(body);
    }
}
