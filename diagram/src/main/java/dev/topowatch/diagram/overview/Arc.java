package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.svg.EntityHoles;

/**
 * One line to draw: from a dependent to one entity it needs. An any_of set gives one arc per member,
 * each carrying the whole set in {@code link}, since the dependent is blocked only when all are down.
 * When {@code to} is a server, the arc ends at the server's tile.
 */
public record Arc(String from, String to, DiagramGraph.EdgeKind kind, EntityHoles.Link link) {
}
