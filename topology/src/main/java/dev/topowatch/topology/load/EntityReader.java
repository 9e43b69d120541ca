package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Defaults;
import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code entities:}: the keys every entity shares, then its type's own. */
final class EntityReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    static final Set<String> COMMON_KEYS = Set.of("type", "server", "runtime", "interval", "timeout",
            "failure_threshold", "success_threshold", "retry_interval", "depends_on", "extra", "critical", "alerts", "description", "link",
            "project", "tags");
    /** A group has no probe, so nothing about probing, and it runs on no server. */
    static final Set<String> GROUP_COMMON_KEYS = Set.of("type", "depends_on", "extra", "critical", "alerts", "description", "link",
            "project", "tags");
    /** Tags are filtered by in URLs and shown as chips: short words, no spaces. */
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.:/=+-]{1,64}");
    private static final Map<EntityType, SpecReader> SPECS = specs();

    private final Reading reading;
    private final Defaults defaults;
    private final Path directory;
    private final List<Reference> references;
    private final String project;

    /** @param project the project of the file being read, which its entities belong to unless they say otherwise; may be null */
    EntityReader(Reading reading, Defaults defaults, Path directory, List<Reference> references, String project) {
        this.reading = reading;
        this.defaults = defaults;
        this.directory = directory;
        this.references = references;
        this.project = project;
    }

    private static Map<EntityType, SpecReader> specs() {
        var specs = new EnumMap<EntityType, SpecReader>(EntityType.class);
        specs.put(EntityType.SERVER, new ServerSpecReader());
        specs.put(EntityType.API, new HttpSpecReader());
        specs.put(EntityType.PING, new PingSpecReader());
        specs.put(EntityType.TCP, new TcpSpecReader());
        specs.put(EntityType.DNS, new DnsSpecReader());
        specs.put(EntityType.DATABASE, new DatabaseSpecReader());
        specs.put(EntityType.REDIS, new RedisSpecReader());
        specs.put(EntityType.COMMAND, new CommandSpecReader());
        specs.put(EntityType.HEARTBEAT, new HeartbeatSpecReader());
        specs.put(EntityType.GROUP, new GroupSpecReader());
        return specs;
    }

    /** Every key an entity of {@code type} accepts. */
    static Set<String> allowedKeys(EntityType type) {
        var keys = new HashSet<>(type == EntityType.GROUP ? GROUP_COMMON_KEYS : COMMON_KEYS);
        if (type == EntityType.SERVER) {
            keys.remove("server");
        }
        keys.addAll(SPECS.get(type).keys());
        return keys;
    }

    /** The entity, or null when it is too broken to build (its errors are reported). */
    Entity read(String name, ScalarNode nameNode, Node value) {
        var label = "entity " + Scalar.quote(name);
        if (!(value instanceof MappingNode)) {
            reading.problems.error(YamlMap.isNull(value) ? nameNode : value,
                    label + ": must be a mapping with at least 'type', not " + (YamlMap.isNull(value) ? "empty" : Reading.describe(value)));
            return null;
        }
        var probe = YamlMap.of(reading, value, label, "an entity", nameNode);
        var typeScalar = probe.scalar("type");
        if (typeScalar == null) {
            probe.error(nameNode, "missing required key 'type' (one of: " + String.join(", ", EntityType.knownNames()) + ")");
            return null;
        }
        var typeName = typeScalar.value().strip();
        var type = EntityType.fromYaml(typeName);
        if (type.isEmpty()) {
            var hint = Suggestions.closest(typeName, EntityType.knownNames())
                    .map(near -> "did you mean " + Scalar.quote(near) + "?")
                    .orElse("known: " + String.join(", ", EntityType.knownNames()));
            probe.error(typeScalar.node(), "unknown type " + Scalar.quote(typeScalar.display().strip()) + " (" + hint + ")");
            return null;
        }
        var map = probe.withContext(label + " (" + type.get().yamlName() + ")");
        map.rejectUnknown(allowedKeys(type.get()), " for " + type.get().yamlName());
        return entity(name, type.get(), map);
    }

    private Entity entity(String name, EntityType type, YamlMap map) {
        var interval = map.duration("interval", defaults.interval(), DefaultsReader.SHORTEST);
        var timeout = map.duration("timeout", defaults.timeout(), DefaultsReader.SHORTEST);
        if (type != EntityType.GROUP && type != EntityType.HEARTBEAT) {
            warnAboutTiming(map, interval, timeout);
        }
        var server = server(name, map);
        var extra = new LinkedHashMap<String, ConfigText>();
        map.scalarMap("extra").forEach((key, scalar) -> extra.put(key, scalar.text()));
        Urls.check(map, "link", Set.of("http", "https"));
        var runtime = map.string("runtime");
        var spec = SPECS.get(type).read(map, new SpecReader.Context(name, directory, references));
        var retry = map.duration("retry_interval", defaults.retryInterval(), DefaultsReader.SHORTEST);
        return new Entity(name, type, server, runtime == null ? null : runtime.strip(), interval, timeout,
                map.integer("failure_threshold", defaults.failureThreshold(), 1, DefaultsReader.MAX_THRESHOLD),
                map.integer("success_threshold", defaults.successThreshold(), 1, DefaultsReader.MAX_THRESHOLD),
                dependencies(name, map), extra, map.bool("critical", true), map.bool("alerts", true),
                map.text("description"), map.text("link"), spec, project(map), tags(map),
                retry.compareTo(interval) < 0 ? retry : interval);
    }

    private String project(YamlMap map) {
        var own = Projects.name(map, "project");
        return own == null ? project : own;
    }

    private static List<String> tags(YamlMap map) {
        var tags = new ArrayList<String>();
        for (var scalar : map.scalars("tags", true)) {
            var tag = scalar.value().strip();
            if (TAG.matcher(tag).matches()) {
                tags.add(tag);
            } else {
                map.error(scalar.node(), map.field("tags") + " items are words of letters, digits and _ . : / = + -, at most 64 "
                        + scalar.shown());
            }
        }
        return tags;
    }

    private static void warnAboutTiming(YamlMap map, Duration interval, Duration timeout) {
        var at = map.has("timeout") ? map.valueNode("timeout") : map.has("interval") ? map.valueNode("interval") : map.anchor();
        if (timeout.compareTo(interval) >= 0) {
            map.warning(at, "timeout " + Durations.format(timeout) + " is not shorter than interval "
                    + Durations.format(interval) + ": a slow check will delay the next one");
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            map.warning(map.has("interval") ? map.valueNode("interval") : map.anchor(),
                    "interval " + Durations.format(interval) + " is under 1s: that is a load test, not a health check");
        }
    }

    private String server(String name, YamlMap map) {
        var scalar = map.scalar("server");
        if (scalar == null) {
            return null;
        }
        var server = scalar.value().strip();
        references.add(new Reference(name, map.context(), Reference.Kind.SERVER, server, scalar.display().strip(), scalar.node()));
        return server;
    }

    /** {@code depends_on: [db, {any_of: [cache-a, cache-b]}]}; a single name alone is allowed too. */
    private List<Dependency> dependencies(String name, YamlMap map) {
        var node = map.valueNode("depends_on");
        if (node == null || YamlMap.isNull(node)) {
            return List.of();
        }
        var items = node instanceof ScalarNode ? List.of(node) : map.sequence("depends_on");
        var dependencies = new ArrayList<Dependency>();
        for (var item : items) {
            if (item instanceof MappingNode) {
                var anyOf = anyOf(name, map, item);
                if (anyOf != null) {
                    dependencies.add(anyOf);
                }
                continue;
            }
            var scalar = map.itemOf(item, map.field("depends_on") + " items");
            if (scalar != null) {
                var target = scalar.value().strip();
                references.add(new Reference(name, map.context(), Reference.Kind.DEPENDS_ON, target, scalar.display().strip(), item));
                dependencies.add(new Dependency.On(target));
            }
        }
        return dependencies;
    }

    private Dependency anyOf(String name, YamlMap map, Node item) {
        var redundant = YamlMap.of(reading, item, map.context(), "a depends_on item", item);
        redundant.rejectUnknown(Set.of("any_of"), " in a depends_on item");
        if (!redundant.has("any_of")) {
            redundant.error(item, map.field("depends_on") + " items are names, or {any_of: [names]} for redundant ones");
            return null;
        }
        var names = new ArrayList<String>();
        for (var scalar : redundant.scalars("any_of", false)) {
            var target = scalar.value().strip();
            references.add(new Reference(name, map.context(), Reference.Kind.DEPENDS_ON, target, scalar.display().strip(), scalar.node()));
            names.add(target);
        }
        if (names.isEmpty()) {
            redundant.error(item, "'any_of' must list at least one entity");
            return null;
        }
        if (names.size() == 1) {
            redundant.warning(item, "'any_of' lists one entity: write it as a plain dependency, or add its alternatives");
        }
        return new Dependency.AnyOf(names);
    }
}
