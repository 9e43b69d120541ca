package dev.topowatch.checkers.support;

import dev.topowatch.checkers.schedule.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A scheduler's timer that the test moves by hand, with the clock beside it: the runs, retries and
 * deadlines due by then run on the test's thread, in order, and the clock reads each one's time.
 */
public final class ManualTimer implements Timer {
    private final MutableClock clock;
    private final Instant start;
    private final PriorityQueue<Entry> due = new PriorityQueue<>();
    private long now;
    private long sequence;
    private boolean closed;

    public ManualTimer(MutableClock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    private final class Entry implements Comparable<Entry>, Task {
        final Runnable task;
        final long period;
        final long order = sequence++;
        long at;
        volatile boolean cancelled;

        Entry(long at, long period, Runnable task) {
            this.at = at;
            this.period = period;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Entry other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(order, other.order);
        }
    }

    @Override
    public synchronized Task after(Duration delay, Runnable task) {
        return add(new Entry(now + delay.toNanos(), 0, task));
    }

    @Override
    public synchronized Task every(Duration first, Duration period, Runnable task) {
        return add(new Entry(now + first.toNanos(), Math.max(1, period.toNanos()), task));
    }

    private Entry add(Entry entry) {
        if (!closed) {
            due.add(entry);
        }
        return entry;
    }

    /** Moves time on by {@code by}, running what falls due on the way. */
    public void advance(Duration by) {
        advance(by, () -> { });
    }

    /**
     * Moves time on by {@code by}, running what falls due on the way, and {@code settle} after each
     * (waiting, say, for the probe it started to end while the clock still reads its time).
     */
    public void advance(Duration by, Runnable settle) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = due.peek();
                if (next == null || next.at > target) {
                    now = target;
                    clock.set(start.plusNanos(now));
                    return;
                }
                due.poll();
                now = next.at;
                clock.set(start.plusNanos(now));
                if (next.cancelled) {
                    continue;
                }
                if (next.period > 0) {
                    next.at += next.period;
                    due.add(next);
                }
            }
            next.task.run();
            settle.run();
        }
    }

    /** How long since this timer was made, in its own time. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }

    @Override
    public synchronized void close() {
        closed = true;
        due.clear();
    }
}
