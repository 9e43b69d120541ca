package dev.topowatch.diagram.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Graphviz's own {@code dot}, when it is installed: the graph goes in as DOT ({@link DotSource}) with our
 * box sizes fixed, coordinates come back as {@code -Tjson}, and the SVG is still ours.
 */
public final class DotLayoutEngine implements LayoutEngine {
    private static final double POINTS_PER_INCH = 72;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dot;

    public DotLayoutEngine(Path dot) {
        this.dot = dot;
    }

    /** The {@code dot} binary on the PATH, if there is one. */
    public static Optional<Path> find() {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var folder : path.split(java.io.File.pathSeparator)) {
            var candidate = Path.of(folder, "dot");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "dot";
    }

    @Override
    public Layout layout(DiagramGraph graph) {
        var source = DotSource.of(graph);
        var json = run(source.text());
        var bounds = numbers(json.path("bb").asText("0,0,0,0"));
        double height = bounds[3];
        var nodes = new HashMap<String, Layout.Rect>();
        var clusters = new HashMap<String, Layout.Rect>();
        var owners = new ArrayList<String>();
        for (var object : json.path("objects")) {
            var name = object.path("name").asText();
            var owner = source.owners().get(name);
            owners.add(owner);
            if (name.startsWith("cluster_")) {
                var box = numbers(object.path("bb").asText());
                clusters.put(owner, new Layout.Rect(box[0], height - box[3], box[2] - box[0], box[3] - box[1]));
            } else if (object.has("pos") && DotSource.isBox(name)) {
                var center = numbers(object.path("pos").asText());
                double width = object.path("width").asDouble() * POINTS_PER_INCH;
                double boxHeight = object.path("height").asDouble() * POINTS_PER_INCH;
                nodes.put(owner, new Layout.Rect(center[0] - width / 2, height - center[1] - boxHeight / 2, width, boxHeight));
            }
        }
        // dot may reorder edges: match each back by its two ends (an anchor stands for its cluster).
        var pending = new HashMap<String, ArrayDeque<DiagramGraph.Edge>>();
        graph.edges().forEach(edge -> pending.computeIfAbsent(edge.from() + "->" + edge.to(), key -> new ArrayDeque<>()).add(edge));
        var routes = new ArrayList<Layout.Route>();
        for (var edge : json.path("edges")) {
            var key = owners.get(edge.path("tail").asInt()) + "->" + owners.get(edge.path("head").asInt());
            var queue = pending.get(key);
            if (queue != null && !queue.isEmpty()) {
                routes.add(new Layout.Route(queue.poll(), points(edge.path("pos").asText(), height)));
            }
        }
        routes.sort(Comparator.comparing(route -> route.edge().id()));
        return new Layout(name(), bounds[2], bounds[3], nodes, clusters, routes);
    }

    private JsonNode run(String source) {
        try {
            var process = new ProcessBuilder(dot.toString(), "-Tjson").redirectErrorStream(false).start();
            try (var input = process.getOutputStream()) {
                input.write(source.getBytes(StandardCharsets.UTF_8));
            }
            var output = process.getInputStream().readAllBytes();
            var errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("dot failed: " + errors.strip());
            }
            return JSON.readTree(output);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while laying out", interrupted);
        }
    }

    /** A {@code pos} spline, {@code e,x,y} last as the arrow tip; control points as a polyline, y flipped. */
    private static List<Layout.Point> points(String spline, double height) {
        var points = new ArrayList<Layout.Point>();
        Layout.Point end = null;
        for (var token : spline.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("e,")) {
                var xy = numbers(token.substring(2));
                end = new Layout.Point(xy[0], height - xy[1]);
            } else if (!token.startsWith("s,")) {
                var xy = numbers(token);
                points.add(new Layout.Point(xy[0], height - xy[1]));
            }
        }
        if (end != null) {
            points.add(end);
        }
        return points;
    }

    private static double[] numbers(String text) {
        var parts = text.split(",");
        var numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Double.parseDouble(parts[i]);
        }
        return numbers;
    }
}
