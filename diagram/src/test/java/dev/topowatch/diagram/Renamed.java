package dev.topowatch.diagram;

import dev.topowatch.topology.Board;
import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

import java.util.Map;
import java.util.TreeMap;

/**
 * A loaded topology with other entity names and title: names the loader would refuse, to show that the
 * exporters escape what they are given instead of relying on the loader's rules.
 */
final class Renamed {

    /** A title made of DOT, PlantUML and markup syntax, a bell and a line break. */
    static final String HOSTILE_TITLE = "a\" -> evil [label=x] } \\ \\N \\G <b>&amp;\n@enduml !include /etc/passwd\u0007";

    private Renamed() {
    }

    /** {@link Fixtures#SHOP} with names that would close a quote or a block, escape, or start markup. */
    static Topology hostileShop() {
        return topology(Fixtures.topology(Fixtures.SHOP), HOSTILE_TITLE, Map.of(
                "vps", "box \"one\" }",
                "db", "db\\\" -> x",
                "api", "<api> {\n@enduml",
                "cache_a", "trailing\\",
                "shop", "\\N\\l &amp; as e0 #red"));
    }

    static Topology topology(Topology topology, String title, Map<String, String> names) {
        var entities = new TreeMap<String, Entity>();
        for (var entity : topology.entities().values()) {
            var check = entity.check() instanceof GroupCheck group
                    ? new GroupCheck(group.members().stream().map(member -> rename(member, names)).toList(), group.rule())
                    : entity.check();
            var dependsOn = entity.dependsOn().stream().<Dependency>map(dependency -> switch (dependency) {
                case Dependency.On on -> new Dependency.On(rename(on.name(), names));
                case Dependency.AnyOf anyOf -> new Dependency.AnyOf(anyOf.names().stream().map(name -> rename(name, names)).toList());
            }).toList();
            var name = rename(entity.name(), names);
            entities.put(name, new Entity(name, entity.type(), entity.server() == null ? null : rename(entity.server(), names),
                    entity.runtime(), entity.interval(), entity.timeout(), entity.failureThreshold(), entity.successThreshold(), dependsOn,
                    entity.extra(), entity.critical(), entity.alerts(), entity.description(), entity.link(), check,
                    entity.project(), entity.tags(), entity.retryInterval()));
        }
        var board = topology.board();
        return new Topology(topology.source(), new Board(title, board.listen(), board.database(), board.token(), board.readToken(),
                board.retention(), board.layout(), board.url()), topology.defaults(), topology.alerts(), entities,
                topology.include(), topology.projectAlerts());
    }

    private static String rename(String name, Map<String, String> names) {
        return names.getOrDefault(name, name);
    }
}
