package dev.topowatch.diagram.layout;

import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the diagram draws, before layout: a box per entity (servers become clusters holding the
 * entities that run on them), an edge per dependency from the dependent to what it needs, a small
 * fork node for each redundant {@code any_of} set, and edges from a group to its members. Everything
 * is sorted, so the same topology always gives the same graph and so the same SVG.
 */
public record DiagramGraph(List<Node> nodes, List<Cluster> clusters, List<Edge> edges) {

    public enum NodeKind { ENTITY, FORK }

    public enum EdgeKind { DEPENDS_ON, ANY_OF, MEMBER }

    /** A box (or a fork) with the size the layout must give it. */
    public record Node(String id, NodeKind kind, String entity, String cluster, double width, double height) {
    }

    /** A server drawn as a frame around what runs on it. */
    public record Cluster(String id, String server) {
    }

    /** From the dependent to what it needs; for forks, {@code owner} is the entity whose any_of it is. */
    public record Edge(String id, String from, String to, EdgeKind kind, String owner) {
    }

    public DiagramGraph {
        nodes = List.copyOf(nodes);
        clusters = List.copyOf(clusters);
        edges = List.copyOf(edges);
    }

    public static DiagramGraph of(Topology topology, BoxSizer sizer) {
        return of(topology, topology.entities().keySet(), sizer);
    }

    /** Only the entities in {@code shown} (a neighbourhood), and the edges between them. */
    public static DiagramGraph of(Topology topology, Set<String> shown, BoxSizer sizer) {
        var entities = topology.entities();
        var clusters = new LinkedHashMap<String, Cluster>();
        var nodes = new ArrayList<Node>();
        var edges = new ArrayList<Edge>();
        for (var entity : entities.values()) {
            if (!shown.contains(entity.name())) {
                continue;
            }
            if (entity.type() == EntityType.SERVER) {
                clusters.put(entity.name(), new Cluster(clusterId(entity.name()), entity.name()));
                continue;
            }
            var server = entity.server() != null && shown.contains(entity.server()) ? entity.server() : null;
            var size = sizer.size(entity);
            nodes.add(new Node(nodeId(entity.name()), NodeKind.ENTITY, entity.name(), server == null ? null : clusterId(server),
                    size.width(), size.height()));
        }
        for (var entity : entities.values()) {
            if (shown.contains(entity.name())) {
                addEdges(entity, entities, shown, nodes, edges);
            }
        }
        return new DiagramGraph(nodes, List.copyOf(clusters.values()), edges);
    }

    private static void addEdges(Entity entity, Map<String, Entity> entities, Set<String> shown, List<Node> nodes, List<Edge> edges) {
        var from = endpoint(entity.name(), entities);
        int fork = 0;
        for (var dependency : entity.dependsOn()) {
            switch (dependency) {
                case Dependency.On on -> {
                    if (shown.contains(on.name())) {
                        edges.add(new Edge("edge-" + entity.name() + "--" + on.name(), from, endpoint(on.name(), entities),
                                EdgeKind.DEPENDS_ON, entity.name()));
                    }
                }
                case Dependency.AnyOf anyOf -> {
                    var targets = new TreeSet<>(anyOf.names());
                    targets.retainAll(shown);
                    if (targets.isEmpty()) {
                        continue;
                    }
                    var forkId = "fork-" + entity.name() + "-" + fork++;
                    var owner = nodes.stream().filter(node -> node.id().equals(from)).findFirst();
                    nodes.add(new Node(forkId, NodeKind.FORK, entity.name(), owner.map(Node::cluster).orElse(null), 14, 14));
                    edges.add(new Edge("edge-" + forkId, from, forkId, EdgeKind.ANY_OF, entity.name()));
                    for (var target : targets) {
                        edges.add(new Edge("edge-" + forkId + "--" + target, forkId, endpoint(target, entities), EdgeKind.ANY_OF, entity.name()));
                    }
                }
            }
        }
        if (entity.check() instanceof GroupCheck group) {
            for (var member : new TreeSet<>(group.members())) {
                if (shown.contains(member)) {
                    edges.add(new Edge("edge-" + entity.name() + "--" + member, from, endpoint(member, entities), EdgeKind.MEMBER, entity.name()));
                }
            }
        }
    }

    /** Where an edge to or from an entity attaches: its box, or its cluster when it is a server. */
    private static String endpoint(String name, Map<String, Entity> entities) {
        var entity = entities.get(name);
        return entity != null && entity.type() == EntityType.SERVER ? clusterId(name) : nodeId(name);
    }

    public static String nodeId(String entity) {
        return "entity-" + entity;
    }

    public static String clusterId(String server) {
        return "server-" + server;
    }
}
