package dev.topowatch.topology.load;

import org.yaml.snakeyaml.nodes.Node;

/** A name that must resolve to another entity, and where it was written. */
record Reference(String from, String fromContext, Kind kind, String target, Node node) {

    enum Kind { SERVER, DEPENDS_ON, MEMBER }
}
