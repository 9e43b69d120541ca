package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.GridLayoutEngine;
import dev.topowatch.diagram.layout.Layout;
import dev.topowatch.diagram.layout.LayoutEngine;
import dev.topowatch.diagram.layout.LayoutEngines;
import dev.topowatch.diagram.overview.OverviewLayout;
import dev.topowatch.diagram.overview.OverviewRenderer;
import dev.topowatch.diagram.overview.Projects;
import dev.topowatch.diagram.overview.TileGraph;
import dev.topowatch.diagram.overview.TileInterior;
import dev.topowatch.diagram.png.PngRenderer;
import dev.topowatch.diagram.svg.BoxText;
import dev.topowatch.diagram.svg.Statuses;
import dev.topowatch.diagram.svg.SvgRenderer;
import dev.topowatch.diagram.svg.SvgTemplate;
import dev.topowatch.topology.Board;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pictures of the running topology. The overview, the problems view and a tile are packed tiles
 * whose layout is linear in the topology and cached per window size; the focus and layered views go
 * through a layout engine. Every template is cached; a status change only refills it.
 */
public final class DiagramService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiagramService.class);
    // A 10,000-entity overview template holds about 1 MB: a few window sizes and themes, not every one ever asked for.
    private static final int CACHED_TEMPLATES = 16;
    private static final int CACHED_PICTURES = 8;
    /** A closed tile makes room for at most this many problem boxes; the last says how many more there are. */
    static final int PROBLEM_SLOTS = 4;

    /** One topology, cut into tiles, each tile's interior laid out once. */
    private record Tiles(long version, Topology topology, Projects projects, TileGraph graph, Map<String, TileInterior> interiors) {
    }

    /** The layered view of one topology: the grid until the engine's layout is ready. */
    private record Layered(long version, DiagramGraph graph, Layout layout) {
    }

    private final BoxText sizer = new BoxText();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable ->
            Thread.ofPlatform().name("diagram-layout").daemon().unstarted(runnable));
    private final Map<Object, SvgTemplate> templates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, SvgTemplate> eldest) {
            return size() > CACHED_TEMPLATES;
        }
    };
    private final Map<Object, byte[]> pictures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, byte[]> eldest) {
            return size() > CACHED_PICTURES;
        }
    };
    private volatile Tiles current;
    private volatile Layered layered;
    private boolean layeredRequested;

    /** Takes a topology into use: its tiles at once; the layered layout only once someone asks for it. */
    public synchronized void update(Topology topology) {
        long next = current == null ? 1 : current.version() + 1;
        current = tiles(next, topology);
        synchronized (templates) {
            templates.clear();
        }
        if (layeredRequested) {
            layOutInBackground(current);
        }
    }

    /** The picture {@code request} asks for, coloured by {@code snapshot}. */
    public String svg(DiagramRequest request, StatusSnapshot snapshot) {
        var tiles = current;
        if (tiles == null) {
            throw new IllegalStateException("no topology yet");
        }
        var statuses = new Statuses(snapshot);
        return template(tiles, request, statuses).render(statuses);
    }

    /**
     * The same picture as a PNG, fitted to the request's viewport: for chat alerts and pages that take
     * no SVG. The last few are kept per snapshot version, since an alert and its retries ask again.
     */
    public byte[] png(DiagramRequest request, StatusSnapshot snapshot) {
        var key = List.of(request, snapshot.version(), current == null ? 0L : current.version());
        synchronized (pictures) {
            var picture = pictures.get(key);
            if (picture != null) {
                return picture;
            }
        }
        var picture = PngRenderer.render(svg(request, snapshot), request.viewport().width(), request.viewport().height());
        synchronized (pictures) {
            pictures.put(key, picture);
        }
        return picture;
    }

    private SvgTemplate template(Tiles tiles, DiagramRequest request, Statuses statuses) {
        var viewport = request.viewport().rounded();
        var title = tiles.topology().board().title();
        return switch (request.view()) {
            case OVERVIEW -> {
                if (request.project() != null) {
                    var shown = tiles.projects().shownWith(request.project(), tiles.topology());
                    yield cached(List.of(tiles.version(), request.view(), viewport, request.theme(), request.project(),
                            problemSlots(tiles.graph(), statuses)), () -> {
                        var part = tiles(tiles.version(), tiles.topology(), tiles.projects(), shown);
                        var layout = OverviewLayout.of(part.graph(), part.interiors(), problemSlots(part.graph(), statuses), viewport);
                        return OverviewRenderer.template(tiles.topology(), part.graph(), layout, request.theme(), title, "overview");
                    });
                }
                var slots = problemSlots(tiles.graph(), statuses);
                yield cached(List.of(tiles.version(), request.view(), viewport, request.theme(), slots), () ->
                        OverviewRenderer.template(tiles.topology(), tiles.graph(),
                                OverviewLayout.of(tiles.graph(), tiles.interiors(), slots, viewport), request.theme(), title, "overview"));
            }
            case PROBLEMS -> {
                var shown = problems(tiles.topology(), statuses);
                if (request.project() != null) {
                    shown.retainAll(tiles.projects().shownWith(request.project(), tiles.topology()));
                }
                yield cached(List.of(tiles.version(), request.view(), viewport, request.theme(), shown), () -> {
                    var part = tiles(tiles.version(), tiles.topology(), tiles.projects(), shown);
                    var layout = OverviewLayout.of(part.graph(), part.interiors(), problemSlots(part.graph(), statuses), viewport);
                    return OverviewRenderer.template(tiles.topology(), part.graph(), layout, request.theme(), title, "problems");
                });
            }
            case TILE -> {
                var tile = tiles.graph().tile(request.subject());
                if (tile == null) {
                    throw new IllegalArgumentException("no tile named '" + request.subject() + "'");
                }
                yield cached(List.of(tiles.version(), request.view(), request.subject(), request.theme()), () ->
                        OverviewRenderer.detail(tiles.topology(), tiles.graph(), tile, tiles.interiors().get(tile.id()), request.theme(), title));
            }
            case FOCUS -> cached(List.of(tiles.version(), request.view(), request.subject(), request.depth(), request.theme()), () -> {
                var shown = neighbourhood(tiles.topology(), request.subject(), request.depth());
                var graph = DiagramGraph.of(tiles.topology(), shown, sizer);
                var layout = engine(tiles.topology().board().layout()).layout(graph);
                return SvgRenderer.template(tiles.topology(), graph, layout, request.theme(), title, "focus");
            });
            case LAYERED -> {
                var drawing = layered(tiles);
                yield cached(List.of(tiles.version(), request.view(), request.theme(), drawing.layout().engine()), () ->
                        SvgRenderer.template(tiles.topology(), drawing.graph(), drawing.layout(), request.theme(), title, "layered"));
            }
        };
    }

    private SvgTemplate cached(Object key, java.util.function.Supplier<SvgTemplate> make) {
        synchronized (templates) {
            var template = templates.get(key);
            if (template != null) {
                return template;
            }
        }
        var template = make.get();
        synchronized (templates) {
            templates.put(key, template);
        }
        return template;
    }

    /** Lays out and draws once, synchronously: for the command line, where there is nothing to serve meanwhile. */
    public static String render(Topology topology, StatusSnapshot snapshot, DiagramRequest request) {
        try (var service = once(topology, request)) {
            return service.svg(request, snapshot);
        }
    }

    /** The same as a PNG. */
    public static byte[] renderPng(Topology topology, StatusSnapshot snapshot, DiagramRequest request) {
        try (var service = once(topology, request)) {
            return service.png(request, snapshot);
        }
    }

    private static DiagramService once(Topology topology, DiagramRequest request) {
        var service = new DiagramService();
        service.current = service.tiles(1, topology);
        if (request.view() == DiagramRequest.View.LAYERED) {
            var graph = DiagramGraph.of(topology, service.sizer);
            service.layered = new Layered(1, graph, engine(topology.board().layout()).layout(graph));
        }
        return service;
    }

    /** The projects of the current topology, in name order: what the page's picker offers. */
    public List<String> projects() {
        var tiles = current;
        return tiles == null ? List.of() : tiles.projects().names();
    }

    /** Whether {@code id} names a tile of the current topology (a server, or one of the two tiles that are not). */
    public boolean hasTile(String id) {
        var tiles = current;
        return tiles != null && tiles.graph().tile(id) != null;
    }

    /** The engine that drew the layered view served now: "grid" until its layout is ready, "none" before it was asked for. */
    public String engineName() {
        var drawing = layered;
        return drawing == null ? "none" : drawing.layout().engine();
    }

    /** Whether the layered view of the newest topology is laid out by its engine (tests wait for it). */
    public boolean isSettled() {
        var drawing = layered;
        var tiles = current;
        return drawing != null && tiles != null && drawing.version() == tiles.version()
                && !drawing.layout().engine().equals(new GridLayoutEngine().name());
    }

    /** The engine for a {@code board.layout} setting: see {@link LayoutEngines}. */
    public static LayoutEngine engine(Board.Layout preference) {
        return LayoutEngines.forPreference(preference);
    }

    private Tiles tiles(long version, Topology topology) {
        return tiles(version, topology, Projects.of(topology), topology.entities().keySet());
    }

    /** The tiles of the entities in {@code shown}, cut by the whole topology's projects (computed once per topology). */
    private Tiles tiles(long version, Topology topology, Projects projects, Set<String> shown) {
        var graph = TileGraph.of(topology, projects, shown);
        var interiors = new HashMap<String, TileInterior>();
        for (var tile : graph.tiles()) {
            interiors.put(tile.id(), TileInterior.of(topology, tile, graph.insideOf(tile.id()), sizer));
        }
        return new Tiles(version, topology, projects, graph, interiors);
    }

    /** The layered view: the grid at once, the engine's layout from the background when it is ready. */
    private synchronized Layered layered(Tiles tiles) {
        layeredRequested = true;
        var drawing = layered;
        if (drawing == null || drawing.version() != tiles.version()) {
            var graph = DiagramGraph.of(tiles.topology(), sizer);
            boolean sameBoxes = drawing != null && drawing.graph().nodes().equals(graph.nodes())
                    && drawing.graph().clusters().equals(graph.clusters()) && drawing.graph().edges().equals(graph.edges());
            layered = new Layered(tiles.version(), graph, sameBoxes ? drawing.layout() : new GridLayoutEngine().layout(graph));
            layOutInBackground(tiles);
        }
        return layered;
    }

    private void layOutInBackground(Tiles tiles) {
        var engine = engine(tiles.topology().board().layout());
        background.submit(() -> {
            try {
                long started = System.nanoTime();
                var graph = DiagramGraph.of(tiles.topology(), sizer);
                var layout = engine.layout(graph);
                LOG.info("diagram laid out engine={} entities={} ms={}", engine.name(), tiles.topology().entities().size(),
                        (System.nanoTime() - started) / 1_000_000);
                install(tiles.version(), graph, layout);
            } catch (RuntimeException failed) {
                LOG.warn("diagram layout failed engine={} error=\"{}\"; keeping the grid", engine.name(), failed.toString());
            }
        });
    }

    private synchronized void install(long version, DiagramGraph graph, Layout layout) {
        var tiles = current;
        if (tiles != null && tiles.version() == version) {
            layered = new Layered(version, graph, layout);
        }
    }

    /** Per tile, how many problem boxes it shows now (capped): the overview's geometry depends on it. */
    private static Map<String, Integer> problemSlots(TileGraph graph, Statuses statuses) {
        var slots = new java.util.TreeMap<String, Integer>();
        for (var tile : graph.tiles()) {
            var counts = statuses.count(tile.summarised());
            int problems = counts.getOrDefault(Status.DOWN, 0) + counts.getOrDefault(Status.DEGRADED, 0);
            if (problems > 0) {
                slots.put(tile.id(), Math.min(problems, PROBLEM_SLOTS));
            }
        }
        return slots;
    }

    /** What the problems view shows: every entity down, blocked or degraded. */
    private static Set<String> problems(Topology topology, Statuses statuses) {
        var shown = new TreeSet<String>();
        for (var name : topology.entities().keySet()) {
            var status = statuses.of(name).status();
            if (status == Status.DOWN || status == Status.BLOCKED || status == Status.DEGRADED) {
                shown.add(name);
            }
        }
        return shown;
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
                var neighbours = new ArrayList<>(graph.dependencies(name));
                neighbours.addAll(graph.dependents(name));
                for (var neighbour : neighbours) {
                    if (shown.add(neighbour)) {
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return shown;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
