package dev.topowatch.diagram.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One tile of the overview: a server with what runs on it, or the business services (groups), or what
 * runs on no server.
 *
 * @param id      {@code data-tile}: the server's name, or {@link #SERVICES} / {@link #OTHER}, which no
 *                entity can be called (parentheses are not allowed in names)
 * @param server  the server entity the tile stands for; null for the two tiles that are not servers
 * @param members the entities drawn inside it, sorted, the server itself not among them
 * @param serverShown whether the server's own status counts (a view of only some entities, such as
 *                    the problems, may show a server's tile for its members alone)
 */
public record Tile(String id, String server, String label, List<String> members, boolean serverShown) {
    public static final String SERVICES = "(services)";
    public static final String OTHER = "(other)";

    public Tile {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
    }

    /** Everything whose status the tile sums up: the server itself and its members. */
    public List<String> summarised() {
        if (server == null || !serverShown) {
            return members;
        }
        var all = new ArrayList<String>(members.size() + 1);
        all.add(server);
        all.addAll(members);
        return List.copyOf(all);
    }
}
