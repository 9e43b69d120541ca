package dev.topowatch.topology.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads text the way the program does: written to a real topology.yaml, read back by the loader. */
final class TopologyText {

    private TopologyText() {
    }

    static LoadResult load(Path directory, String text) throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, text);
        return new TopologyLoader(Map.of()).load(file);
    }
}
