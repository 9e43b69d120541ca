package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.BoxSizer;
import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.GridLayoutEngine;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.layout.LayoutEngine;
import dev.topowatch.diagram.layout.LayoutEngines;
import dev.topowatch.diagram.svg.BoxText;
import dev.topowatch.diagram.svg.SvgRenderer;
import dev.topowatch.diagram.svg.SvgTemplate;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.topology.Board;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The diagram of the running topology. Layout is expensive and done once per topology, off the
 * request path; until it is ready the previous layout is served when the same entities are drawn,
 * or an instant grid when they changed. Recolouring is the template's fill, per request.
 */
public final class DiagramService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiagramService.class);
    private static final int FOCUS_CACHE = 32;

    /** One topology, laid out, with its SVG templates per theme. */
    private record Drawing(long version, Topology topology, DiagramGraph graph, Layout layout, Map<Theme, SvgTemplate> templates) {
    }

    private final BoxSizer sizer = new BoxText();
    private final LayoutEngine grid = new GridLayoutEngine();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable ->
            Thread.ofPlatform().name("diagram-layout").daemon().unstarted(runnable));
    private final Map<String, Drawing> focused = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Drawing> eldest) {
            return size() > FOCUS_CACHE;
        }
    };
    private volatile Drawing current;
    private long version;

    /** Takes a topology into use: drawn at once (previous layout or grid), laid out properly in the background. */
    public synchronized void update(Topology topology) {
        long next = ++version;
        var graph = DiagramGraph.of(topology, sizer);
        var previous = current;
        if (previous == null || !sameBoxes(previous.graph(), graph)) {
            current = draw(next, topology, graph, grid.layout(graph));
        } else {
            current = draw(next, topology, graph, previous.layout());
        }
        synchronized (focused) {
            focused.clear();
        }
        var engine = engine(topology.board().layout());
        background.submit(() -> {
            try {
                long started = System.nanoTime();
                var layout = engine.layout(graph);
                LOG.info("diagram laid out engine={} entities={} ms={}", engine.name(), topology.entities().size(),
                        (System.nanoTime() - started) / 1_000_000);
                install(next, topology, graph, layout);
            } catch (RuntimeException failed) {
                LOG.warn("diagram layout failed engine={} error=\"{}\"; keeping the grid", engine.name(), failed.toString());
            }
        });
    }

    private synchronized void install(long forVersion, Topology topology, DiagramGraph graph, Layout layout) {
        if (forVersion == version) {
            current = draw(forVersion, topology, graph, layout);
        }
    }

    /** The whole diagram, coloured by {@code snapshot}. */
    public String svg(StatusSnapshot snapshot, Theme theme) {
        var drawing = current;
        if (drawing == null) {
            throw new IllegalStateException("no topology yet");
        }
        return drawing.templates().get(theme).render(snapshot);
    }

    /** Only {@code entity} and what it depends on and what depends on it, {@code depth} steps away. */
    public String focus(StatusSnapshot snapshot, Theme theme, String entity, int depth) {
        var drawing = current;
        var key = drawing.version() + "/" + entity + "/" + depth;
        Drawing neighbourhood;
        synchronized (focused) {
            neighbourhood = focused.get(key);
        }
        if (neighbourhood == null) {
            var shown = neighbourhood(drawing.topology(), entity, depth);
            var graph = DiagramGraph.of(drawing.topology(), shown, sizer);
            neighbourhood = draw(drawing.version(), drawing.topology(), graph, engine(drawing.topology().board().layout()).layout(graph));
            synchronized (focused) {
                focused.put(key, neighbourhood);
            }
        }
        return neighbourhood.templates().get(theme).render(snapshot);
    }

    /** Lays out and draws once, synchronously: for the command line, where there is nothing to serve meanwhile. */
    public static String render(Topology topology, StatusSnapshot snapshot, Theme theme) {
        var graph = DiagramGraph.of(topology, new BoxText());
        var layout = engine(topology.board().layout()).layout(graph);
        return SvgRenderer.template(topology, graph, layout, theme, topology.board().title()).render(snapshot);
    }

    /** The engine that drew what is served now: "grid" until the real layout is ready. */
    public String engineName() {
        var drawing = current;
        return drawing == null ? "none" : drawing.layout().engine();
    }

    /** Whether the layout of the newest topology is the one served (tests and the summary wait for it). */
    public boolean isSettled() {
        var drawing = current;
        return drawing != null && drawing.version() == version && !drawing.layout().engine().equals(grid.name());
    }

    private static Set<String> neighbourhood(Topology topology, String entity, int depth) {
        var graph = DependencyGraph.of(topology);
        var shown = new TreeSet<String>();
        var frontier = new ArrayDeque<String>();
        shown.add(entity);
        frontier.add(entity);
        for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
            var next = new ArrayDeque<String>();
            for (var name : frontier) {
                for (var neighbour : union(graph.dependencies(name), graph.dependents(name))) {
                    if (shown.add(neighbour)) {
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return shown;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private Drawing draw(long forVersion, Topology topology, DiagramGraph graph, Layout layout) {
        var templates = new EnumMap<Theme, SvgTemplate>(Theme.class);
        for (var theme : Theme.values()) {
            templates.put(theme, SvgRenderer.template(topology, graph, layout, theme, topology.board().title()));
        }
        return new Drawing(forVersion, topology, graph, layout, templates);
    }

    /** The same boxes with the same sizes: the previous layout still fits, only the settings changed. */
    private static boolean sameBoxes(DiagramGraph previous, DiagramGraph next) {
        return previous.nodes().equals(next.nodes()) && previous.clusters().equals(next.clusters()) && previous.edges().equals(next.edges());
    }

    /** The engine for a {@code board.layout} setting: see {@link LayoutEngines}. */
    public static LayoutEngine engine(Board.Layout preference) {
        return LayoutEngines.forPreference(preference);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
