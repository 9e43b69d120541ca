package dev.topowatch.diagram.overview;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.svg.EntityHoles;
import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topology cut into tiles: a tile per server holding what runs on it, one for the groups, one for
 * what runs on no server; and every dependency as an arc between entities. Sorted throughout, so the
 * same topology always gives the same tiles.
 */
public final class TileGraph {
    private final Map<String, Tile> tiles;
    private final Map<String, String> tileOf;
    private final List<Arc> arcs;
    private final Map<String, List<Arc>> inside = new HashMap<>();

    private TileGraph(Map<String, Tile> tiles, Map<String, String> tileOf, List<Arc> arcs) {
        this.tiles = tiles;
        this.tileOf = tileOf;
        this.arcs = arcs;
        for (var arc : arcs) {
            if (isInside(arc)) {
                inside.computeIfAbsent(tileOf(arc.from()), ignored -> new ArrayList<>()).add(arc);
            }
        }
    }

    /**
     * Only the entities in {@code shown}, and the arcs between them; a server is shown when any of its
     * entities is. When entities belong to projects, a server's tile is cut per project (an id like
     * {@code shop:web1}), so that each project's frame holds what is its own.
     */
    public static TileGraph of(Topology topology, Projects projects, Set<String> shown) {
        var members = new TreeMap<String, List<String>>();
        var keys = new HashMap<String, TileKey>();
        var serversShown = new TreeSet<String>();
        for (var entity : topology.entities().values()) {
            if (!shown.contains(entity.name())) {
                continue;
            }
            var project = projects.of(entity.name());
            TileKey key;
            if (entity.type() == EntityType.SERVER) {
                key = new TileKey(project, entity.name(), entity.name());
                serversShown.add(key.id());
                members.computeIfAbsent(key.id(), ignored -> new ArrayList<>());
            } else {
                var place = entity.server() != null ? entity.server() : entity.type() == EntityType.GROUP ? Tile.SERVICES : Tile.OTHER;
                key = new TileKey(project, place, entity.server());
                members.computeIfAbsent(key.id(), ignored -> new ArrayList<>()).add(entity.name());
            }
            keys.putIfAbsent(key.id(), key);
        }
        var tiles = new LinkedHashMap<String, Tile>();
        var tileOf = new HashMap<String, String>();
        for (var entry : members.entrySet()) {
            var id = entry.getKey();
            var key = keys.get(id);
            var label = switch (key.place()) {
                case Tile.SERVICES -> "services";
                case Tile.OTHER -> "not on a server";
                default -> key.place();
            };
            var tile = Tile.of(id, key.project(), key.server(), label, entry.getValue().stream().sorted().toList(), serversShown.contains(id));
            tiles.put(id, tile);
            tileOf.put(id, id);
            if (serversShown.contains(id)) {
                tileOf.put(key.server(), id);
            }
            tile.members().forEach(name -> tileOf.put(name, id));
        }
        var arcs = new ArrayList<Arc>();
        for (var entity : topology.entities().values()) {
            if (shown.contains(entity.name())) {
                addArcs(entity, shown, arcs);
            }
        }
        return new TileGraph(tiles, tileOf, List.copyOf(arcs));
    }

    /** Where an entity is drawn: its project's frame (null: none), the place in it (a server or one of the two other tiles). */
    private record TileKey(String project, String place, String server) {
        String id() {
            return project == null ? place : project + ":" + place;
        }
    }

    private static void addArcs(Entity entity, Set<String> shown, List<Arc> arcs) {
        for (var dependency : entity.dependsOn()) {
            var targets = new TreeSet<>(dependency.names());
            targets.retainAll(shown);
            var kind = dependency instanceof Dependency.AnyOf ? DiagramGraph.EdgeKind.ANY_OF : DiagramGraph.EdgeKind.DEPENDS_ON;
            var link = new EntityHoles.Link(entity.name(), List.copyOf(targets));
            targets.forEach(target -> arcs.add(new Arc(entity.name(), target, kind, link)));
        }
        if (entity.check() instanceof GroupCheck group) {
            for (var member : new TreeSet<>(group.members())) {
                if (shown.contains(member)) {
                    arcs.add(new Arc(entity.name(), member, DiagramGraph.EdgeKind.MEMBER, new EntityHoles.Link(entity.name(), List.of(member))));
                }
            }
        }
    }

    /** Tiles in id order: by project, then servers, then "(other)" and "(services)". */
    public List<Tile> tiles() {
        return List.copyOf(tiles.values());
    }

    public Tile tile(String id) {
        return tiles.get(id);
    }

    /** The id of the tile {@code entity} is drawn in (a server: its own tile). */
    public String tileOf(String entity) {
        return tileOf.get(entity);
    }

    public List<Arc> arcs() {
        return arcs;
    }

    /** Whether {@code arc} is drawn inside one tile: both ends boxes of the same tile. */
    public boolean isInside(Arc arc) {
        var tile = tileOf(arc.from());
        return tile != null && tile.equals(tileOf(arc.to())) && !isServer(arc.from()) && !isServer(arc.to());
    }

    /** Whether {@code entity} is a server, drawn as its tile rather than as a box. */
    public boolean isServer(String entity) {
        var tile = tiles.get(tileOf(entity));
        return tile != null && entity.equals(tile.server());
    }

    /** The arcs of one tile's inside. */
    public List<Arc> insideOf(String tileId) {
        return inside.getOrDefault(tileId, List.of());
    }

    /** The arcs between tiles, bundled per (from tile, to tile), in a fixed order. */
    public Map<List<String>, List<Arc>> bundles() {
        var bundles = new TreeMap<List<String>, List<Arc>>((a, b) -> {
            int first = a.get(0).compareTo(b.get(0));
            return first != 0 ? first : a.get(1).compareTo(b.get(1));
        });
        for (var arc : arcs) {
            var from = tileOf(arc.from());
            var to = tileOf(arc.to());
            if (from != null && to != null && !from.equals(to)) {
                bundles.computeIfAbsent(List.of(from, to), ignored -> new ArrayList<>()).add(arc);
            }
        }
        return bundles;
    }
}
