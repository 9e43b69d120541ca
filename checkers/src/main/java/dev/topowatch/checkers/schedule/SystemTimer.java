package dev.topowatch.checkers.schedule;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link Timer#system()}: a ScheduledThreadPoolExecutor of one thread. */
final class SystemTimer implements Timer {
    private final ScheduledThreadPoolExecutor executor;

    SystemTimer() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            var thread = new Thread(runnable, "topowatch-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled runs and deadlines leave the queue at once: changing entities all day must not grow it.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Task after(Duration delay, Runnable task) {
        try {
            var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    @Override
    public Task every(Duration first, Duration period, Runnable task) {
        try {
            var future = executor.scheduleAtFixedRate(task, first.toNanos(), Math.max(1, period.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
