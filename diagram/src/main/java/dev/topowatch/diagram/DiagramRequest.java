package dev.topowatch.diagram;

import dev.topowatch.diagram.svg.Theme;

import java.util.Objects;

/**
 * Which picture of the topology to draw.
 *
 * @param subject the entity a {@link View#FOCUS} is about, or the tile a {@link View#TILE} opens; else null
 * @param depth   how many steps of dependencies and dependents a focus shows
 * @param project the overview or problems of one project only (with what its entities depend on
 *                elsewhere); null for the whole board
 */
public record DiagramRequest(View view, String subject, int depth, Viewport viewport, Theme theme, String project) {

    public enum View {
        /** Every server as a tile, packed to the window; open when it all fits readably, else summaries. */
        OVERVIEW,
        /** Only what is wrong: down roots, their casualties, degraded entities, and the arcs between them. */
        PROBLEMS,
        /** One entity's neighbourhood, laid out by the layout engine. */
        FOCUS,
        /** One tile open on its own: what the page inserts to open a closed tile. */
        TILE,
        /** The whole topology in one layered layout by the layout engine (slow for large topologies). */
        LAYERED
    }

    public DiagramRequest {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(viewport, "viewport");
        Objects.requireNonNull(theme, "theme");
        if ((view == View.FOCUS || view == View.TILE) && subject == null) {
            throw new IllegalArgumentException(view + " needs a subject");
        }
    }

    public DiagramRequest(View view, String subject, int depth, Viewport viewport, Theme theme) {
        this(view, subject, depth, viewport, theme, null);
    }

    /** The same picture narrowed to one project's frame. */
    public DiagramRequest withProject(String name) {
        return new DiagramRequest(view, subject, depth, viewport, theme, name);
    }

    public static DiagramRequest overview(Viewport viewport, Theme theme) {
        return new DiagramRequest(View.OVERVIEW, null, 0, viewport, theme);
    }
}
