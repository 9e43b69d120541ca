package dev.topowatch.diagram.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One tile of the overview: a server with what runs on it, or the business services (groups), or what
 * runs on no server.
 *
 * @param id      {@code data-tile}: the server's name, or {@link #SERVICES} / {@link #OTHER}, which no
 *                entity can be called (parentheses are not allowed in names); prefixed by the project
 *                and a colon when the tile is part of a project's frame (names hold no colon)
 * @param project the project whose frame holds the tile; null when the topology names none for it
 * @param server  the server entity the tile stands for; null for the two tiles that are not servers
 * @param members the entities drawn inside it, sorted, the server itself not among them
 * @param summarised  everything whose status the tile sums up: the server itself (when the view shows
 *                    it: a view of only some entities, such as the problems, may show a server's tile
 *                    for its members alone) and its members. One list, so that a render counts it once.
 */
public record Tile(String id, String project, String server, String label, List<String> members, List<String> summarised) {
    public static final String SERVICES = "(services)";
    public static final String OTHER = "(other)";

    public Tile {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
        summarised = List.copyOf(summarised);
    }

    static Tile of(String id, String project, String server, String label, List<String> members, boolean serverShown) {
        var summarised = new ArrayList<String>(members.size() + 1);
        if (server != null && serverShown) {
            summarised.add(server);
        }
        summarised.addAll(members);
        return new Tile(id, project, server, label, members, summarised);
    }

    /** Whether the server's own status is part of the tile (see {@code summarised}). */
    public boolean serverShown() {
        return server != null && !summarised.isEmpty() && summarised.getFirst().equals(server);
    }
}
