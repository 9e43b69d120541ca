package dev.topowatch.checkers.schedule;

import java.time.Duration;

/**
 * What the scheduler times its runs, retries and deadlines with: one thread of the JVM's in a running
 * board ({@link #system()}), a hand-driven one in tests, so that intervals are tested by moving time,
 * not by waiting for it. Tasks must be quick and must not throw.
 */
public interface Timer extends AutoCloseable {

    /** A task to run later, once or periodically. */
    interface Task {
        /** Stops it; a run under way finishes. Harmless when it already ran or was cancelled. */
        void cancel();
    }

    /** Runs {@code task} once, {@code delay} from now. */
    Task after(Duration delay, Runnable task);

    /** Runs {@code task} {@code first} from now, then every {@code period}, at a fixed rate. */
    Task every(Duration first, Duration period, Runnable task);

    /** Cancels everything and waits a moment for a task under way; nothing is run after it. */
    @Override
    void close();

    /** A timer on one daemon platform thread named {@code topowatch-scheduler}. */
    static Timer system() {
        return new SystemTimer();
    }
}
