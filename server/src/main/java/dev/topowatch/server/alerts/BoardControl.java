package dev.topowatch.server.alerts;

import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.ImpactReport;

import java.time.Instant;
import java.util.Map;

/** What a channel that answers commands (a chat bot) may read of the board and change: the statuses and the mutes. */
public interface BoardControl {

    StatusSnapshot snapshot();

    ImpactReport impact();

    /** The topology running now (its projects, for a summary of one). */
    Topology topology();

    /** Muted entities and until when. */
    Map<String, Instant> mutes();

    /** Mutes an entity's alerts until {@code until}; null unmutes it. */
    void mute(String entity, Instant until);
}
