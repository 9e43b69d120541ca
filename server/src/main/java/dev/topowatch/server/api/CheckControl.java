package dev.topowatch.server.api;

import dev.topowatch.checkers.heartbeat.Push;

/** What the API may ask of the checkers: a check right now, a heartbeat push, whether they run. */
public interface CheckControl {

    /** Schedules a check of {@code entity} now; false when it has no probe (a group) or is unknown. */
    boolean runNow(String entity);

    /** Records a heartbeat's push (kept across restarts) and checks the heartbeat with it. */
    void push(String entity, Push push);

    /** Whether the scheduler is running. */
    boolean isRunning();
}
