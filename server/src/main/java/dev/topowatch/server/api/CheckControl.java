package dev.topowatch.server.api;

import java.time.Instant;

/** What the API may ask of the checkers: a check right now, a heartbeat push, whether they run. */
public interface CheckControl {

    /** Schedules a check of {@code entity} now; false when it has no probe (a group) or is unknown. */
    boolean runNow(String entity);

    /** Records a heartbeat push for {@code entity} at {@code at}. */
    void push(String entity, Instant at);

    /** Whether the scheduler is running. */
    boolean isRunning();
}
