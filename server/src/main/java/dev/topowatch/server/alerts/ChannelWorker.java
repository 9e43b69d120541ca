package dev.topowatch.server.alerts;

import dev.topowatch.server.outbox.Outbox;
import dev.topowatch.server.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one channel's outbox, oldest first, on a virtual thread of its own, so a channel that is
 * down for an hour slows neither the checks nor the other channels. A message that fails is tried
 * again with exponential backoff (or when the channel says, as Telegram's 429 does) and holds back
 * the ones behind it, so that they arrive in order. Alerts of a grouping channel that happen within
 * the window of the first go out together. A chat's messages about outages still going on are
 * edited in between, when no delivery is due (edits keep a slower pace of their own).
 */
final class ChannelWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);
    private static final int READ_AHEAD = 200;
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);

    private final Channel channel;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration window;
    private final Backoff backoff;
    private final Review review;
    /** For a chat: keeps its messages about outages still going on true; null for a channel that cannot edit. */
    private final MessageEditor editor;
    private final Semaphore wake = new Semaphore(0);
    /** Delivered but maybe not yet marked (the disk may be failing): never sent again by this process. */
    private final Set<Long> delivered = new HashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private Instant lastSent = Instant.EPOCH;

    /** What is asked of every alert before it is sent, and of a sent one before its message is edited. */
    interface Review {
        /** The alert brought up to date (the casualties its root blocks now). */
        Alert refresh(Alert alert);

        /** Why the alert is not to be sent on this channel after all, or null to send it. */
        String superseded(Channel channel, long id, Alert alert);

        /** Whether it tells of an outage that is still going on: its message is kept true while it does. */
        boolean ongoing(Alert alert);
    }

    ChannelWorker(Channel channel, Outbox outbox, Clock clock, Duration window, Backoff backoff, Review review) {
        this.review = review;
        this.channel = channel;
        this.outbox = outbox;
        this.clock = clock;
        this.window = window;
        this.backoff = backoff;
        this.editor = channel instanceof EditableChannel editable ? new MessageEditor(editable, outbox, clock, backoff, review) : null;
        this.thread = Thread.ofVirtual().name("alerts-" + channel.key()).start(this::run);
    }

    Channel channel() {
        return channel;
    }

    /** Something new may be in the outbox. */
    void wake() {
        wake.release();
    }

    private void run() {
        while (!closed) {
            try {
                var wait = deliverDue();
                if (wait != null && editor != null) {
                    wait = editDue(wait);
                }
                if (wait != null) {
                    wake.drainPermits();
                    wake.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException unexpected) {
                // The store may be unreadable for a while; the board goes on and so do we.
                LOG.warn("alert delivery failed channel={} error=\"{}\"", channel.key(), unexpected.getMessage());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Delivers what is due; returns how long to wait before looking again, or null to look at once. */
    private Duration deliverDue() throws InterruptedException {
        var pending = new ArrayList<OutboxMessage>();
        for (var message : outbox.pendingAlerts(channel.key(), READ_AHEAD)) {
            if (!delivered.contains(message.id())) {
                pending.add(message);
            }
        }
        if (pending.isEmpty()) {
            delivered.clear();
            return IDLE_POLL;
        }
        var now = clock.instant();
        var first = pending.getFirst();
        if (first.nextAttempt().isAfter(now)) {
            return Duration.between(now, first.nextAttempt());
        }
        // Every alert waits out the window once: others may join it, and a down may turn out a casualty.
        var groupEnd = first.createdAt().plus(window);
        if (groupEnd.isAfter(now) && first.attempts() == 0) {
            return Duration.between(now, groupEnd);
        }
        var sinceLast = Duration.between(lastSent, now);
        if (sinceLast.compareTo(channel.pace()) < 0) {
            return channel.pace().minus(sinceLast);
        }
        var batch = channel.groups()
                ? pending.stream().takeWhile(message -> !message.createdAt().isAfter(groupEnd)).toList()
                : List.of(first);
        send(batch);
        return null;
    }

    /** When nothing is due for delivery: an edit, if one is due; returns the wait as {@link #deliverDue()} does. */
    private Duration editDue(Duration deliveryWait) {
        var started = clock.instant();
        var edit = editor.editDue(lastSent);
        if (edit.isEmpty()) {
            return deliveryWait;
        }
        if (edit.get().isZero()) {
            lastSent = started;
            return null;
        }
        return edit.get().compareTo(deliveryWait) < 0 ? edit.get() : deliveryWait;
    }

    private void send(List<OutboxMessage> due) {
        var batch = new ArrayList<OutboxMessage>();
        var alerts = new ArrayList<Alert>();
        for (var message : due) {
            var alert = AlertCodec.decode(message.body());
            var why = review.superseded(channel, message.id(), alert);
            if (why == null) {
                batch.add(message);
                alerts.add(review.refresh(alert));
            } else {
                delivered.add(message.id());
                outbox.alertsSuperseded(List.of(message.id()), why, clock.instant());
                LOG.info("alert not sent, superseded channel={} entity={} reason=\"{}\"", channel.key(), message.entity(), why);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        var ids = batch.stream().map(OutboxMessage::id).toList();
        // The pace runs from when a send starts: a slow answer does not stretch it.
        lastSent = clock.instant();
        var result = channel.deliver(alerts, ids);
        var now = clock.instant();
        switch (result) {
            case Delivery.Delivered sent -> {
                delivered.addAll(ids);
                outbox.alertsDelivered(ids, now, editor == null ? List.of() : editor.keep(sent.sent()));
                LOG.info("alert delivered channel={} alerts={}", channel.key(), ids.size());
            }
            case Delivery.Retry retry -> {
                int attempts = batch.getFirst().attempts() + 1;
                var wait = retry.after() != null ? retry.after() : backoff.after(attempts);
                outbox.alertsFailed(ids, retry.error(), now.plus(wait));
                LOG.warn("alert not delivered, retrying in {} ms channel={} attempt={} error=\"{}\"",
                        wait.toMillis(), channel.key(), attempts, retry.error());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops after the delivery in flight, if any, so that a message the channel accepted is marked
     * before the board goes; a channel that hangs is cut off after a few seconds.
     */
    @Override
    public void close() {
        closed = true;
        wake.release();
        try {
            if (!thread.join(Duration.ofSeconds(5))) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
