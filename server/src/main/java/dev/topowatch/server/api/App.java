package dev.topowatch.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topowatch.topology.load.Printable;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.Server;
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
    private final RouteTable routes;

    private App(Javalin javalin, StatusStream stream, RouteTable routes) {
        this.javalin = javalin;
        this.stream = stream;
        this.routes = routes;
    }

    /** Every route as {@code METHOD /path}, for checking the OpenAPI document against what is served. */
    public java.util.Set<String> routes() {
        return routes.described();
    }

    public static App create(Dependencies dependencies) {
        var json = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var engine = dependencies.engine();
        var access = new Access(() -> engine.topology().board());
        var entities = new EntitiesController(engine, dependencies.store(), dependencies.clock());
        var summary = new SummaryController(engine, dependencies.topologyInfo(), dependencies.undeliveredAlerts(),
                dependencies.store()::health);
        var control = new ControlController(engine, dependencies.checks(), access, dependencies.clock());
        var reload = new ReloadController(dependencies.reload(), access);
        var diagram = new DiagramController(engine, dependencies.diagram());
        var health = new HealthController(dependencies.store(), dependencies.checks());
        var topologyHealth = new TopologyHealthController(engine);
        var metrics = new BoardMetrics(engine);
        var stream = new StatusStream(engine, dependencies.topologyInfo(), dependencies.store()::health, json);
        var openApi = new OpenApiController();
        var routes = new RouteTable();
        var boardFiles = BoardFiles.load();
        var javalin = Javalin.create(config -> {
            routes.bind(config.routes);
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.modifyServer(App::checkResourcesLessOften);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
            // The board page: the frontend module's files, from memory.
            boardFiles.register(config.routes);
            config.routes.before(SecurityHeaders::apply);
            config.routes.before("/api/*", access::requireReadUnlessWrite);
            config.routes.before("/api/stream", App::requireEventStream);
            config.routes.before("/metrics", access::requireRead);
            config.routes.before("/health/topology", access::requireRead);
            // Each picture by name: "/diagram*" also matched the page's own diagram.js, so a board with a
            // read token could not load its page at all.
            for (var picture : java.util.List.of("/diagram.svg", "/diagram.png", "/diagram.dot", "/diagram.puml")) {
                config.routes.before(picture, access::requireRead);
            }
            config.routes.before("/badge/*", access::requireRead);
            routes.get("/api/entities", entities::list);
            routes.get("/api/entities/{name}", entities::one);
            routes.get("/api/entities/{name}/history", entities::history);
            routes.post("/api/entities/{name}/check", control::checkNow);
            routes.get("/api/transitions", entities::transitions);
            routes.get("/api/summary", summary::summary);
            routes.sse("/api/stream", stream::connect);
            routes.post("/api/maintenance", control::startMaintenance);
            routes.delete("/api/maintenance", control::endMaintenance);
            routes.getThatChanges("/api/push/{name}", control::push);
            routes.post("/api/push/{name}", control::push);
            routes.post("/api/reload", reload::reload);
            routes.get("/health/live", health::live);
            routes.get("/health/ready", health::ready);
            routes.get("/health/topology", topologyHealth::topology);
            routes.get("/metrics", metrics::scrape);
            routes.get("/openapi.json", openApi::document);
            routes.get("/diagram.svg", diagram::svg);
            routes.get("/diagram.png", diagram::png);
            routes.get("/diagram.dot", diagram::dot);
            routes.get("/diagram.puml", diagram::plantUml);
            routes.get("/badge/{file}", diagram::badge);
            config.routes.exception(ApiError.class, (error, context) -> {
                if (error.status() == 401) {
                    // RFC 9110: a 401 names how to authenticate; here, a bearer token (RFC 6750).
                    context.header("WWW-Authenticate", "Bearer realm=\"topowatch\"");
                }
                error(context, error.status(), error.error(), error.getMessage());
            });
            config.routes.exception(Exception.class, (error, context) -> {
                if (error instanceof IllegalStateException && String.valueOf(error.getMessage()).contains("recycled")) {
                    // An SSE client went away (a tab closed): nothing failed, and nothing to answer.
                    LOG.debug("client gone error=\"{}\"", error.toString());
                    return;
                }
                LOG.error("request failed error=\"{}\"", Printable.line(error.toString()));
                try {
                    error(context, 500, "internal", "the board could not answer this; its log says why");
                } catch (RuntimeException responseGone) {
                    // the client went away (an SSE stream closing): nothing to answer
                }
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
        return new App(javalin, stream, routes);
    }

    /**
     * Javalin's server looks for exhausted threads once a second: on an idle board, the last
     * once-a-second wake-up of the whole process. Every ten seconds is soon enough to shorten idle
     * timeouts under a flood of connections.
     */
    private static void checkResourcesLessOften(Server server) {
        var monitor = server.getBean(LowResourceMonitor.class);
        if (monitor != null) {
            monitor.setPeriod(10_000);
        }
    }

    /**
     * Javalin streams only to a client that asks for {@code text/event-stream}; anything else (curl's
     * {@code *}{@code /*}) got an empty 200. Say instead what to send.
     */
    private static void requireEventStream(Context context) {
        var accept = context.header("Accept");
        if (context.method() == io.javalin.http.HandlerType.GET && (accept == null || !accept.contains("text/event-stream"))) {
            throw new ApiError(406, "not_acceptable",
                    "this is a Server-Sent Events stream: send 'Accept: text/event-stream' (EventSource does; curl -N -H 'Accept: text/event-stream' ...)");
        }
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
