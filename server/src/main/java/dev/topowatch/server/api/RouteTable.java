package dev.topowatch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Registers routes and remembers them, so that a test can hold the OpenAPI document to the real routes. */
final class RouteTable {
    private final Set<String> described = new TreeSet<>();
    private RoutesConfig routes;

    void bind(RoutesConfig routes) {
        this.routes = routes;
    }

    /** Also answers HEAD with the GET handler's status and headers (see {@link #headAsGet}). */
    void get(String path, Handler handler) {
        described.add("GET " + path);
        routes.get(path, handler);
        headAsGet(routes, path, handler);
    }

    /**
     * Javalin answers HEAD on a GET route with an empty 200 without running the handler: a monitor
     * probing {@code HEAD /health/ready} heard "ready" from a board that was not, and
     * {@code HEAD /api/entities/nope} got 200. Running the GET handler gives the true status and
     * headers; Jetty sends no body for HEAD.
     */
    static void headAsGet(RoutesConfig routes, String path, Handler handler) {
        routes.head(path, handler);
    }

    /**
     * A GET that changes state: a heartbeat push, so that the usual cron line ({@code curl URL}) works.
     * HEAD must not run it (a monitor probing the URL would push), so HEAD is refused.
     */
    void getThatChanges(String path, Handler handler) {
        described.add("GET " + path);
        routes.get(path, handler);
        routes.head(path, context -> {
            throw new ApiError(405, "method_not_allowed", "HEAD does not run " + path + ": use GET or POST");
        });
    }

    void post(String path, Handler handler) {
        described.add("POST " + path);
        routes.post(path, handler);
    }

    void delete(String path, Handler handler) {
        described.add("DELETE " + path);
        routes.delete(path, handler);
    }

    void sse(String path, Consumer<SseClient> client) {
        described.add("GET " + path);
        routes.sse(path, client);
    }

    Set<String> described() {
        return Set.copyOf(described);
    }
}
