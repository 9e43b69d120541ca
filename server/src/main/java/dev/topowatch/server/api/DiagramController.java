package dev.topowatch.server.api;

import dev.topowatch.diagram.DiagramService;
import dev.topowatch.diagram.svg.BadgeRenderer;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.diagram.text.DotExporter;
import dev.topowatch.diagram.text.PlantUmlExporter;
import dev.topowatch.server.engine.StatusEngine;
import io.javalin.http.Context;

/** The topology drawn: the live SVG, DOT and PlantUML text for docs, and a badge per entity. */
final class DiagramController {
    static final String SVG = "image/svg+xml; charset=utf-8";

    private final StatusEngine engine;
    private final DiagramService diagram;

    DiagramController(StatusEngine engine, DiagramService diagram) {
        this.engine = engine;
        this.diagram = diagram;
    }

    void svg(Context context) {
        var theme = Theme.of(context.queryParam("theme"));
        var focus = context.queryParam("focus");
        var snapshot = engine.snapshot();
        context.header("Cache-Control", "no-store");
        if (focus == null) {
            context.contentType(SVG).result(diagram.svg(snapshot, theme));
            return;
        }
        if (engine.topology().entity(focus).isEmpty()) {
            throw ApiError.notFound("no entity named '" + focus + "'");
        }
        int depth = EntitiesController.integer(context, "depth", 1, 0, 10);
        context.contentType(SVG).result(diagram.focus(snapshot, theme, focus, depth));
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
