package dev.topowatch.diagram.layout;

import dev.topowatch.topology.Entity;

/** How big an entity's box must be; fixed per topology, so that a status change never needs a new layout. */
@FunctionalInterface
public interface BoxSizer {

    record Size(double width, double height) {
    }

    Size size(Entity entity);
}
