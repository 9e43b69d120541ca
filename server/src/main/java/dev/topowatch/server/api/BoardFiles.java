package dev.topowatch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board page's few files (the frontend module's {@code topowatch/board}), read from the class path
 * once and served from memory. Javalin's class-path static files would mount the whole fat jar as a
 * zip file system to serve them, and that mount's index of 60,000 entries held 20 MB of a 50-entity
 * board's heap for as long as it ran. A fixed list also means no path can lead out of the folder.
 */
final class BoardFiles {
    private static final String FOLDER = "/topowatch/board/";
    /** Every file of the page; {@code BoardFilesTest} holds this to the frontend's folder. */
    static final List<String> NAMES = List.of("index.html", "board.css", "board.js", "api.js", "diagram.js", "live.js", "panel.js", "tiles.js",
            "panzoom.js", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private record File(byte[] body, String type, String etag) {
    }

    private final Map<String, File> files;

    private BoardFiles(Map<String, File> files) {
        this.files = files;
    }

    static BoardFiles load() {
        var files = new LinkedHashMap<String, File>();
        for (var name : NAMES) {
            try (var in = BoardFiles.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("the board page's " + name + " is not in the jar (" + FOLDER + ")");
                }
                var body = in.readAllBytes();
                files.put(name, new File(body, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), etag(body)));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read the board page's " + name, unreadable);
            }
        }
        return new BoardFiles(Map.copyOf(files));
    }

    /** {@code /} and {@code /index.html} are the page; every other file is at {@code /NAME}. */
    void register(RoutesConfig routes) {
        Handler index = context -> serve(context, files.get("index.html"));
        routes.get("/", index);
        RouteTable.headAsGet(routes, "/", index);
        files.forEach((name, file) -> {
            Handler serveFile = context -> serve(context, file);
            routes.get("/" + name, serveFile);
            RouteTable.headAsGet(routes, "/" + name, serveFile);
        });
    }

    /** Revalidated on every load (no-cache with an ETag): a new version of the board is seen at once. */
    private static void serve(Context context, File file) {
        context.header("Cache-Control", "no-cache");
        context.header("ETag", file.etag());
        if (file.etag().equals(context.header("If-None-Match"))) {
            context.status(304);
            return;
        }
        context.contentType(file.type());
        context.result(file.body());
    }

    private static String etag(byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
