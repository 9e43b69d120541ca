package dev.topowatch.topology;

import dev.topowatch.topology.check.CheckSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entity of the topology, with defaults already applied.
 *
 * @param server      the server entity it runs on, or null; running on a server is an implicit dependency
 * @param runtime     {@code docker}, {@code tmux}, {@code systemd}, {@code process} or free text; may be null
 * @param dependsOn   the explicit {@code depends_on} entries, in the order written
 * @param description may be null
 * @param link        a URL shown on the board, or null
 * @param project     the project it belongs to (its own {@code project:}, else its file's), or null
 * @param tags        free labels to filter by, in the order written, without repeats
 * @param retryInterval how soon a failed check is tried again while its failures in a row are fewer than
 *                    {@code failureThreshold}, so that an outage is confirmed in seconds; null for the
 *                    built-in default (5 s, or the interval if shorter)
 */
public record Entity(String name, EntityType type, String server, String runtime, Duration interval,
                     Duration timeout, int failureThreshold, int successThreshold, List<Dependency> dependsOn,
                     Map<String, ConfigText> extra, boolean critical, boolean alerts, ConfigText description,
                     ConfigText link, CheckSpec check, String project, List<String> tags, Duration retryInterval) {

    /** An entity with the built-in retry interval. */
    public Entity(String name, EntityType type, String server, String runtime, Duration interval,
                  Duration timeout, int failureThreshold, int successThreshold, List<Dependency> dependsOn,
                  Map<String, ConfigText> extra, boolean critical, boolean alerts, ConfigText description,
                  ConfigText link, CheckSpec check, String project, List<String> tags) {
        this(name, type, server, runtime, interval, timeout, failureThreshold, successThreshold, dependsOn, extra,
                critical, alerts, description, link, check, project, tags, null);
    }

    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
        dependsOn = List.copyOf(dependsOn);
        extra = Map.copyOf(extra);
        tags = List.copyOf(new LinkedHashSet<>(tags));
    }

    /**
     * Everything this entity needs to be available: its server first (an implicit dependency), then
     * its {@code depends_on} entries.
     */
    public List<Dependency> requirements() {
        if (server == null) {
            return dependsOn;
        }
        var all = new ArrayList<Dependency>(dependsOn.size() + 1);
        all.add(new Dependency.On(server));
        all.addAll(dependsOn);
        return List.copyOf(all);
    }

    /** The names of every entity this one depends on directly, server included, without repeats. */
    public List<String> dependencyNames() {
        return requirements().stream().flatMap(dependency -> dependency.names().stream()).distinct().toList();
    }
}
