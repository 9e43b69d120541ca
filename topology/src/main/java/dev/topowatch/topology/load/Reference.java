package dev.topowatch.topology.load;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A name that must resolve to another entity, and where it was written.
 *
 * @param shown the name as messages may quote it: as written, when the environment filled it in
 */
record Reference(String from, String fromContext, Kind kind, String target, String shown, Node node) {

    enum Kind { SERVER, DEPENDS_ON, MEMBER }
}
