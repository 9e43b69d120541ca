package dev.topowatch.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;

/**
 * The HTTP side of the board, built from its dependencies so that a test can start the whole app on
 * port 0 with real parts. Handlers are methods of small controllers, one per concern.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Javalin javalin;
    private final StatusStream stream;

    private App(Javalin javalin, StatusStream stream) {
        this.javalin = javalin;
        this.stream = stream;
    }

    public static App create(Dependencies dependencies) {
        var json = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var engine = dependencies.engine();
        var access = new Access(() -> engine.topology().board());
        var entities = new EntitiesController(engine, dependencies.store(), dependencies.clock());
        var summary = new SummaryController(engine, dependencies.topologyInfo());
        var control = new ControlController(engine, dependencies.checks(), access, dependencies.clock());
        var health = new HealthController(dependencies.store(), dependencies.checks());
        var metrics = new BoardMetrics(engine);
        var stream = new StatusStream(engine, dependencies.topologyInfo(), json);
        var openApi = new OpenApiController();
        var javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 64 * 1024;
            config.routes.before("/api/*", access::requireReadUnlessWrite);
            config.routes.before("/metrics", access::requireRead);
            config.routes.get("/api/entities", entities::list);
            config.routes.get("/api/entities/{name}", entities::one);
            config.routes.get("/api/entities/{name}/history", entities::history);
            config.routes.post("/api/entities/{name}/check", control::checkNow);
            config.routes.get("/api/transitions", entities::transitions);
            config.routes.get("/api/summary", summary::summary);
            config.routes.sse("/api/stream", stream::connect);
            config.routes.post("/api/maintenance", control::startMaintenance);
            config.routes.delete("/api/maintenance", control::endMaintenance);
            config.routes.post("/api/push/{name}", control::push);
            config.routes.get("/health/live", health::live);
            config.routes.get("/health/ready", health::ready);
            config.routes.get("/metrics", metrics::scrape);
            config.routes.get("/openapi.json", openApi::document);
            config.routes.exception(ApiError.class, (error, context) -> error(context, error.status(), error.error(), error.getMessage()));
            config.routes.exception(Exception.class, (error, context) -> {
                LOG.error("request failed method={} path={} error=\"{}\"", context.method(), context.path(), error.toString());
                error(context, 500, "internal", "the board could not answer this; its log says why");
            });
            config.routes.error(404, context -> {
                // Our own 404s are JSON already; Javalin's "Endpoint ... not found" text is not.
                var contentType = context.res().getContentType();
                if (contentType == null || !contentType.startsWith("application/json")) {
                    error(context, 404, "not_found", "no such endpoint: " + context.method() + " " + context.path());
                }
            });
            config.routes.error(405, context -> error(context, 405, "method_not_allowed", context.method() + " is not allowed on " + context.path()));
        });
        return new App(javalin, stream);
    }

    private static void error(Context context, int status, String error, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("detail", detail);
        context.status(HttpStatus.forStatus(status)).json(body);
    }

    public App start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Publishes pending stream events now, instead of at the next coalescing tick (for tests). */
    void publishNow() {
        stream.publishChanges();
    }

    @Override
    public void close() {
        stream.close();
        javalin.stop();
    }
}
