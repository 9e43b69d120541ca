package dev.topowatch.diagram.svg;

import dev.topowatch.topology.Status;

import java.util.Locale;

/** Light or dark: the page's colours; the status colours stay those of DESIGN.md in both. */
public enum Theme {
    LIGHT("#ffffff", "#1f2328", "#57606a", "#f6f8fa", "#d0d7de", "#8c959f"),
    DARK("#0d1117", "#e6edf3", "#9198a1", "#161b22", "#3d444d", "#6e7681");

    final String background;
    final String text;
    final String muted;
    final String cluster;
    final String border;
    final String edge;

    Theme(String background, String text, String muted, String cluster, String border, String edge) {
        this.background = background;
        this.text = text;
        this.muted = muted;
        this.cluster = cluster;
        this.border = border;
        this.edge = edge;
    }

    public static Theme of(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).equals("dark") ? DARK : LIGHT;
    }

    /** The style sheet, inline so that the SVG stands alone (as an {@code <img>}, a file, a wiki page). */
    public String css() {
        var css = new StringBuilder();
        css.append("svg{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;}")
                .append(".background{fill:").append(background).append(";}")
                .append(".title{font-weight:600;fill:").append(text).append(";}")
                .append(".cluster rect.frame{fill:").append(cluster).append(";stroke:").append(border).append(";stroke-width:1.5;rx:10;}")
                .append(".cluster text.name{font-size:13px;font-weight:600;fill:").append(text).append(";}")
                .append(".cluster text.status{font-size:11px;fill:").append(muted).append(";}")
                .append(".entity rect.box{stroke-width:1.5;rx:6;}")
                .append(".entity text{fill:").append(text).append(";}")
                .append(".entity text.name{font-size:13px;font-weight:600;}")
                .append(".entity text.kind,.entity text.extra{font-size:11px;fill:").append(muted).append(";}")
                .append(".entity text.status{font-size:11px;font-weight:600;}")
                .append(".edge{fill:none;stroke:").append(edge).append(";stroke-width:1.3;}")
                .append(".edge.member{stroke-dasharray:2 3;}")
                .append(".edge.outage{stroke:").append(Status.DOWN.colour()).append(";stroke-width:2.4;}")
                .append(".fork{fill:").append(edge).append(";}")
                .append(".legend text{font-size:11px;fill:").append(muted).append(";}")
                // Tiles of the overview: frames keep a thin outline on screen however far the view is zoomed out.
                .append(".tile rect.frame{fill:").append(cluster).append(";stroke:").append(border)
                .append(";stroke-width:1.5;rx:10;vector-effect:non-scaling-stroke;}")
                .append(".tile.closed rect.frame{stroke-width:3;}")
                .append(".tile-name{font-weight:600;fill:").append(text).append(";}")
                .append(".tile-counts,.tile-status,.problem-more{fill:").append(muted).append(";}")
                .append(".problem-text{font-weight:600;fill:").append(text).append(";}")
                .append(".problem rect.box{vector-effect:non-scaling-stroke;}")
                .append(".edge.bundle{stroke-opacity:.5;vector-effect:non-scaling-stroke;}")
                .append(".edge.bundle.outage,.arcs .edge.outage{stroke-opacity:1;}")
                .append(".edge.bundle.quiet{display:none;}")
                .append(".edge.bundle.quiet.outage,.edge.bundle.quiet.lit{display:inline;}")
                .append(".arcs .edge{stroke-opacity:.55;}")
                // Projects' frames: an outline around their tiles, quieter than a tile's.
                .append(".project rect.project-frame{fill:none;stroke:").append(border)
                .append(";stroke-width:1.5;stroke-dasharray:8 4;rx:14;vector-effect:non-scaling-stroke;}")
                .append(".project-name{font-weight:700;fill:").append(text).append(";}");
        for (var status : Status.values()) {
            css.append(".status-").append(status.wireName()).append(" rect.box{fill:").append(tint(status))
                    .append(";stroke:").append(status.colour()).append(";}")
                    .append(".status-").append(status.wireName()).append(" text.status{fill:").append(status.colour()).append(";}")
                    .append(".status-").append(status.wireName()).append(" rect.frame{stroke:").append(status.colour()).append(";}")
                    .append(".legend .status-").append(status.wireName()).append(" rect{fill:").append(status.colour()).append(";}")
                    .append(".worst-").append(status.wireName()).append(" rect.frame{stroke:").append(status.colour()).append(";}")
                    .append(".tile.closed.worst-").append(status.wireName()).append(" rect.frame{fill:").append(tint(status)).append(";}")
                    .append(".project.worst-").append(status.wireName()).append(" rect.project-frame{stroke:").append(status.colour()).append(";}")
                    .append(".bar-").append(status.wireName()).append("{fill:").append(status.colour()).append(";}");
        }
        css.append(".status-down rect.box{stroke-width:3;}")
                .append(".status-blocked rect.box{fill:url(#hatch);}")
                .append(".status-maintenance rect.box{stroke-dasharray:6 3;}")
                .append(".flapping rect.box{stroke-dasharray:2 2;}");
        return css.toString();
    }

    /** A pale wash of the status colour for the box, so the text on it stays readable. */
    private String tint(Status status) {
        return this == DARK ? mix(status.colour(), background, 0.28) : mix(status.colour(), background, 0.14);
    }

    private static String mix(String colour, String base, double share) {
        int[] a = rgb(colour);
        int[] b = rgb(base);
        return String.format(Locale.ROOT, "#%02x%02x%02x", blend(a[0], b[0], share), blend(a[1], b[1], share), blend(a[2], b[2], share));
    }

    private static int blend(int a, int b, double share) {
        return (int) Math.round(a * share + b * (1 - share));
    }

    private static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16)};
    }
}
