package dev.topowatch.topology;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of entity a topology can declare, by the name used in {@code type:}. */
public enum EntityType {
    SERVER("server"),
    API("api", "http"),
    PING("ping"),
    TCP("tcp"),
    DNS("dns"),
    DATABASE("database"),
    REDIS("redis"),
    COMMAND("command"),
    HEARTBEAT("heartbeat"),
    GROUP("group");

    private final String yamlName;
    private final List<String> aliases;

    EntityType(String yamlName, String... aliases) {
        this.yamlName = yamlName;
        this.aliases = List.of(aliases);
    }

    /** The name written in the topology file and in JSON. */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<EntityType> fromYaml(String name) {
        var wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.yamlName.equals(wanted) || type.aliases.contains(wanted))
                .findFirst();
    }

    /** Every accepted name, aliases included, for error messages. */
    public static List<String> knownNames() {
        return Arrays.stream(values())
                .flatMap(type -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(type.yamlName), type.aliases.stream()))
                .toList();
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
