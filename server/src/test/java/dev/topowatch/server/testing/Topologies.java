package dev.topowatch.server.testing;

import dev.topowatch.topology.Topology;
import dev.topowatch.server.alerts.Channels;

import java.nio.file.Path;
import java.util.Map;

/** Topologies written as YAML in the test itself, loaded by the real loader. */
public final class Topologies {

    private Topologies() {
    }

    public static Topology parse(String yaml) {
        return Channels.loader(Map.of()).parse(yaml, Path.of("topology.yaml")).orThrow();
    }
}
