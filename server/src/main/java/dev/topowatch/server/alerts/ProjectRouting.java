package dev.topowatch.server.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who hears of which entity. The top-level {@code alerts:} channels hear of everything; the channels
 * of a project's own {@code alerts:} (in its included file) hear of the entities of that project: a
 * message goes to them when its entity (the root, for a down message) is in the project. A channel
 * named both at the top level and by a project is one channel that hears everything; one named by
 * two projects hears of both.
 */
public final class ProjectRouting {
    public static final ProjectRouting EVERYTHING = new ProjectRouting(Map.of(), entity -> null);

    /** The projects each limited channel hears of, by channel key; a channel not here hears everything. */
    private final Map<String, Set<String>> projectsByChannel;
    private final Function<String, String> projectOf;

    /** @param projectOf an entity's project (in the topology now running), null when it has none or is gone */
    ProjectRouting(Map<String, Set<String>> projectsByChannel, Function<String, String> projectOf) {
        this.projectsByChannel = Map.copyOf(projectsByChannel);
        this.projectOf = projectOf;
    }

    /** Whether the channel hears of {@code entity}; a message about no entity (an invalid topology file) only the top-level channels. */
    public boolean hears(String channel, String entity) {
        var projects = projectsByChannel.get(channel);
        if (projects == null) {
            return true;
        }
        var project = entity == null ? null : projectOf.apply(entity);
        return project != null && projects.contains(project);
    }

    /**
     * Collects the channels of the top level and of every project, each once, with the group window
     * of the section that named it first (the top level's before any project's).
     */
    public static final class Builder {
        private final Map<String, Channel> channels = new LinkedHashMap<>();
        private final Map<String, Duration> windows = new HashMap<>();
        private final Map<String, Set<String>> limited = new HashMap<>();

        /** A top-level channel: it hears everything. */
        public Builder everything(Channel channel, Duration groupWindow) {
            channels.putIfAbsent(channel.key(), channel);
            windows.putIfAbsent(channel.key(), groupWindow);
            limited.remove(channel.key());
            return this;
        }

        /** A channel of {@code project}'s own alerts; call after every top-level one. */
        public Builder project(String project, Channel channel, Duration groupWindow) {
            if (channels.containsKey(channel.key()) && !limited.containsKey(channel.key())) {
                return this;
            }
            channels.putIfAbsent(channel.key(), channel);
            windows.putIfAbsent(channel.key(), groupWindow);
            limited.computeIfAbsent(channel.key(), key -> new TreeSet<>()).add(project);
            return this;
        }

        public List<Channel> channels() {
            return new ArrayList<>(channels.values());
        }

        public Duration groupWindow(Channel channel) {
            return windows.get(channel.key());
        }

        public ProjectRouting routing(Function<String, String> projectOf) {
            return new ProjectRouting(limited, projectOf);
        }
    }
}
