package dev.topowatch.server.api;

import dev.topowatch.diagram.DiagramRequest;
import dev.topowatch.diagram.DiagramService;
import dev.topowatch.diagram.Viewport;
import dev.topowatch.diagram.svg.BadgeRenderer;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.diagram.text.DotExporter;
import dev.topowatch.diagram.text.PlantUmlExporter;
import dev.topowatch.server.engine.StatusEngine;
import io.javalin.http.Context;

import java.util.Locale;

/** The topology drawn: the live SVG and PNG of each view, DOT and PlantUML text for docs, and a badge per entity. */
final class DiagramController {
    static final String SVG = "image/svg+xml; charset=utf-8";

    private final StatusEngine engine;
    private final DiagramService diagram;

    DiagramController(StatusEngine engine, DiagramService diagram) {
        this.engine = engine;
        this.diagram = diagram;
    }

    void svg(Context context) {
        var request = request(context);
        context.header("Cache-Control", "no-store");
        context.contentType(SVG).result(diagram.svg(request, engine.snapshot()));
    }

    void png(Context context) {
        var request = request(context);
        context.header("Cache-Control", "no-store");
        context.contentType("image/png").result(diagram.png(request, engine.snapshot()));
    }

    /**
     * {@code ?focus=NAME&depth=N}, {@code ?tile=NAME}, or {@code ?view=overview|problems|layered}
     * (overview when none is given), the overview and problems narrowed by {@code ?project=NAME};
     * {@code width} and {@code height} are the window to fit.
     */
    private DiagramRequest request(Context context) {
        var theme = Theme.of(context.queryParam("theme"));
        var viewport = new Viewport(
                EntitiesController.integer(context, "width", Viewport.DEFAULT.width(), Viewport.MIN, Viewport.MAX),
                EntitiesController.integer(context, "height", Viewport.DEFAULT.height(), Viewport.MIN, Viewport.MAX));
        var focus = context.queryParam("focus");
        if (focus != null) {
            if (engine.topology().entity(focus).isEmpty()) {
                throw ApiError.notFound("no entity named '" + focus + "'");
            }
            int depth = EntitiesController.integer(context, "depth", 1, 0, 10);
            return new DiagramRequest(DiagramRequest.View.FOCUS, focus, depth, viewport, theme);
        }
        var tile = context.queryParam("tile");
        if (tile != null) {
            if (!diagram.hasTile(tile)) {
                throw ApiError.notFound("no tile named '" + tile + "' (a server's name, (services) or (other))");
            }
            return new DiagramRequest(DiagramRequest.View.TILE, tile, 0, viewport, theme);
        }
        var view = context.queryParam("view");
        var chosen = switch (view == null ? "overview" : view.toLowerCase(Locale.ROOT)) {
            case "overview" -> DiagramRequest.View.OVERVIEW;
            case "problems" -> DiagramRequest.View.PROBLEMS;
            case "layered" -> DiagramRequest.View.LAYERED;
            default -> throw ApiError.badRequest("'view' must be overview, problems or layered (or give focus=NAME or tile=NAME)");
        };
        var request = new DiagramRequest(chosen, null, 0, viewport, theme);
        var project = context.queryParam("project");
        if (project == null || project.isEmpty()) {
            return request;
        }
        if (chosen == DiagramRequest.View.LAYERED) {
            throw ApiError.badRequest("'project' narrows the overview and the problems view, not the layered view");
        }
        var projects = diagram.projects();
        if (!projects.contains(project)) {
            throw ApiError.notFound("no project named '" + project + "'" + (projects.isEmpty()
                    ? " (the topology names no project)" : " (projects: " + String.join(", ", projects) + ")"));
        }
        return request.withProject(project);
    }

    void dot(Context context) {
        context.contentType("text/vnd.graphviz; charset=utf-8").result(DotExporter.export(engine.topology(), engine.snapshot()));
    }

    void plantUml(Context context) {
        context.contentType("text/plain; charset=utf-8").result(PlantUmlExporter.export(engine.topology(), engine.snapshot()));
    }

    void badge(Context context) {
        var file = context.pathParam("file");
        var name = file.endsWith(".svg") ? file.substring(0, file.length() - 4) : file;
        if (engine.topology().entity(name).isEmpty()) {
            throw ApiError.notFound("no entity named '" + name + "'");
        }
        context.header("Cache-Control", "no-cache");
        context.contentType(SVG).result(BadgeRenderer.render(name, engine.snapshot().of(name).status()));
    }
}
