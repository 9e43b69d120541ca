package dev.topowatch.server.cli;

import dev.topowatch.topology.load.LoadResult;
import dev.topowatch.server.alerts.Channels;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads the topology file the way every command does: warnings always printed, errors too when it is invalid. */
final class TopologyFile {

    private TopologyFile() {
    }

    static LoadResult load(Path file, PrintWriter err) {
        var result = Channels.loader(System.getenv()).load(file);
        result.warnings().forEach(err::println);
        result.errors().forEach(err::println);
        err.flush();
        return result;
    }
}
