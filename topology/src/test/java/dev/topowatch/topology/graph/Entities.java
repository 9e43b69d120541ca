package dev.topowatch.topology.graph;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.GroupRule;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.GroupCheck;
import dev.topowatch.topology.check.TcpCheck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds small topologies for the graph tests, with every field that does not matter here fixed. */
final class Entities {
    private static final CheckSpec PLAIN_CHECK = new TcpCheck(ConfigText.literal("127.0.0.1"), 1);

    private Entities() {
    }

    static Entity service(String name, Dependency... dependsOn) {
        return entity(name, EntityType.API, null, List.of(dependsOn), PLAIN_CHECK);
    }

    static Entity hosted(String name, String server, Dependency... dependsOn) {
        return entity(name, EntityType.API, server, List.of(dependsOn), PLAIN_CHECK);
    }

    static Entity server(String name, Dependency... dependsOn) {
        return entity(name, EntityType.SERVER, null, List.of(dependsOn), PLAIN_CHECK);
    }

    static Entity group(String name, GroupRule rule, String... members) {
        return groupNeeding(name, rule, List.of(members));
    }

    static Entity groupNeeding(String name, GroupRule rule, List<String> members, Dependency... dependsOn) {
        return entity(name, EntityType.GROUP, null, List.of(dependsOn), new GroupCheck(members, rule));
    }

    static Dependency on(String name) {
        return new Dependency.On(name);
    }

    static Dependency anyOf(String... names) {
        return new Dependency.AnyOf(List.of(names));
    }

    static DependencyGraph graph(Entity... entities) {
        return DependencyGraph.of(List.of(entities));
    }

    static Set<String> failing(String... names) {
        return Set.of(names);
    }

    private static Entity entity(String name, EntityType type, String server, List<Dependency> dependsOn,
                                 CheckSpec check) {
        return new Entity(name, type, server, null, Duration.ofSeconds(60), Duration.ofSeconds(10), 2, 1,
                dependsOn, Map.of(), true, true, null, null, check, null, List.of(), null);
    }
}
