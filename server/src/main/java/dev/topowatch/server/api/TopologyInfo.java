package dev.topowatch.server.api;

import java.time.Instant;
import java.util.List;

/**
 * Which topology the board runs, and whether the file on disk could be loaded.
 *
 * @param version      grows with every applied topology
 * @param reloadErrors the errors of the last failed load of the file, as {@code FILE:LINE:COL: message};
 *                     empty when the file on disk is what runs
 * @param layoutEngine the diagram layout engine in use
 */
public record TopologyInfo(long version, Instant loadedAt, List<String> reloadErrors, String layoutEngine) {

    public TopologyInfo {
        reloadErrors = List.copyOf(reloadErrors);
    }
}
