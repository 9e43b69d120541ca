package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands check results to the engine a batch at a time: probes only queue theirs and go on, and one
 * thread gives the engine everything that came in while it worked on the last batch. A quiet board's
 * batches are of one result, as soon as it comes; a burst (a mass failure, the first checks of a big
 * board) is taken in few large batches, each judged, stored and told to the listeners once. In order:
 * one entity's results reach the engine in the order they were queued.
 */
public final class ResultQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultQueue.class);
    /** Bounds one batch, so that the engine's lock is never held for long by one. */
    static final int MAX_BATCH = 5_000;

    private final StatusEngine engine;
    private final LinkedBlockingQueue<NamedResult> queue = new LinkedBlockingQueue<>();
    private final Thread drainer;
    private volatile boolean running = true;

    public ResultQueue(StatusEngine engine) {
        this.engine = engine;
        this.drainer = Thread.ofPlatform().name("engine-results").daemon().start(this::drain);
    }

    /** Queues one result; returns at once. */
    public void add(String name, CheckResult result) {
        queue.add(new NamedResult(name, result));
    }

    private void drain() {
        var batch = new ArrayList<NamedResult>();
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                engine.onResults(batch);
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException unexpected) {
                LOG.error("results batch failed results={}", batch.size(), unexpected);
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops taking results; those still queued are dropped (the board is closing). */
    @Override
    public void close() {
        running = false;
        drainer.interrupt();
        try {
            drainer.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
