package dev.topowatch.server.alerts;

import dev.topowatch.server.outbox.Outbox;
import dev.topowatch.server.outbox.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what a chat reads true while the outages it tells of go on: a message that holds a root's
 * down alert is edited as the root's casualties come and go, at most one edit every
 * {@link EditableChannel#editPace()}, and not at all once its outages are over. The messages are kept
 * in the store with the delivery that sent them, so that a restart resumes them; an edit that fails
 * is tried again with backoff, one the chat refuses for good is given up.
 */
final class MessageEditor {
    private static final Logger LOG = LoggerFactory.getLogger(MessageEditor.class);

    private final EditableChannel channel;
    private final Outbox outbox;
    private final Clock clock;
    private final Backoff backoff;
    private final ChannelWorker.Review review;
    private final Map<Long, Kept> messages = new LinkedHashMap<>();
    private Instant lastEdit = Instant.EPOCH;

    /** A message being kept true, and how its last edits went. */
    private record Kept(SentAlerts message, int failures, Instant nextAttempt) {
    }

    MessageEditor(EditableChannel channel, Outbox outbox, Clock clock, Backoff backoff, ChannelWorker.Review review) {
        this.channel = channel;
        this.outbox = outbox;
        this.clock = clock;
        this.backoff = backoff;
        this.review = review;
        for (var stored : outbox.editableMessages(channel.key())) {
            messages.put(stored.messageId(), new Kept(AlertCodec.decode(stored.messageId(), stored.body()), 0, Instant.EPOCH));
        }
    }

    /** Of the messages just sent, those to keep true (they tell of an outage going on), as the store keeps them. */
    List<SentMessage> keep(List<SentAlerts> sent) {
        var kept = new ArrayList<SentMessage>();
        for (var message : sent) {
            if (message.shown().stream().anyMatch(review::ongoing)) {
                messages.put(message.messageId(), new Kept(message, 0, Instant.EPOCH));
                kept.add(stored(message));
            }
        }
        return kept;
    }

    /**
     * Makes the edit that is most due, if the pace allows one now.
     *
     * @param lastSent when the channel last sent something: edits keep its pace too
     * @return {@code 0} when it edited (look again at once), how long until an edit is due, or empty
     *         when no message needs one
     */
    Optional<Duration> editDue(Instant lastSent) {
        var now = clock.instant();
        Duration wait = null;
        for (var iterator = messages.values().iterator(); iterator.hasNext(); ) {
            var kept = iterator.next();
            var shown = kept.message().shown();
            if (shown.stream().noneMatch(review::ongoing)) {
                iterator.remove();
                outbox.messageClosed(channel.key(), kept.message().messageId(), now);
                continue;
            }
            var current = shown.stream().map(alert -> review.ongoing(alert) ? review.refresh(alert) : alert).toList();
            if (current.equals(shown)) {
                continue;
            }
            var due = latest(kept.nextAttempt(), lastEdit.plus(channel.editPace()), lastSent.plus(channel.pace()));
            if (due.isAfter(now)) {
                var untilDue = Duration.between(now, due);
                wait = wait == null || untilDue.compareTo(wait) < 0 ? untilDue : wait;
                continue;
            }
            edit(kept, current, now);
            return Optional.of(Duration.ZERO);
        }
        return Optional.ofNullable(wait);
    }

    private void edit(Kept kept, List<Alert> current, Instant now) {
        var id = kept.message().messageId();
        switch (channel.edit(kept.message(), current)) {
            case EditableChannel.Edit.Done ignored -> {
                // Only edits made count against the pace; a failed one waits out its backoff instead.
                lastEdit = now;
                var edited = kept.message().showing(current);
                messages.put(id, new Kept(edited, 0, Instant.EPOCH));
                outbox.messageEdited(stored(edited), now);
                LOG.info("alert message edited channel={} message={}", channel.key(), id);
            }
            case EditableChannel.Edit.Retry retry -> {
                int failures = kept.failures() + 1;
                var wait = retry.after() != null ? retry.after() : backoff.after(failures);
                messages.put(id, new Kept(kept.message(), failures, now.plus(wait)));
                LOG.warn("alert message not edited, retrying in {} ms channel={} message={} error=\"{}\"",
                        wait.toMillis(), channel.key(), id, retry.error());
            }
            case EditableChannel.Edit.Impossible impossible -> {
                messages.remove(id);
                outbox.messageClosed(channel.key(), id, now);
                LOG.warn("alert message no longer edited channel={} message={} reason=\"{}\"", channel.key(), id, impossible.why());
            }
        }
    }

    private SentMessage stored(SentAlerts message) {
        return new SentMessage(channel.key(), message.messageId(), AlertCodec.encode(message));
    }

    private static Instant latest(Instant first, Instant second, Instant third) {
        var later = first.isAfter(second) ? first : second;
        return later.isAfter(third) ? later : third;
    }
}
