package dev.topowatch.server.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The alert outbox: messages are written before they are sent (with the transition that caused
 * them), and marked delivered only after the channel took them, so that a crash or a restart at any
 * point resumes delivery. Also the mutes set from a chat, which outlive a restart.
 */
public interface Outbox {

    /** Undelivered messages of one channel, oldest first, as far as they are written. */
    List<OutboxMessage> pendingAlerts(String channel, int limit);

    /**
     * Marks messages delivered, and keeps the ones the channel may edit later ({@code sent}) in the same
     * transaction; returns once that is written (or after a bounded wait when it cannot be).
     */
    void alertsDelivered(List<Long> ids, Instant at, List<SentMessage> sent);

    /** The sent messages of one channel that may still be edited, oldest first. */
    List<SentMessage> editableMessages(String channel);

    /** A sent message now shows {@code body}; returns once written (or after a bounded wait). */
    void messageEdited(SentMessage edited, Instant at);

    /** A sent message will not be edited again (its outages are over, or the chat lost it). */
    void messageClosed(String channel, long messageId, Instant at);

    /** Records a failed attempt at these messages; returns once written (or after a bounded wait). */
    void alertsFailed(List<Long> ids, String error, Instant nextAttempt);

    /**
     * Marks messages as not to be sent: a "down" that turned out a casualty before it went out, and
     * the recovery that would follow it. Returns once written (or after a bounded wait).
     */
    void alertsSuperseded(List<Long> ids, String reason, Instant at);

    /** Whether the last down or degraded message about {@code entity} on {@code channel} before {@code beforeId} was superseded. */
    boolean lastProblemSuperseded(String channel, String entity, long beforeId);

    /** Undelivered messages per channel, for the summary. */
    Map<String, Long> undeliveredAlerts();

    /**
     * Entities whose last announced problem (a down or degraded alert that was not superseded) has
     * not been followed by a recovery: what a recovery message is owed for, across restarts.
     */
    Map<String, OpenProblem> openProblems();

    /** Mutes until a time, or lifts the mute when {@code until} is null. */
    void mute(String entity, Instant until);

    /** Muted entities and until when. */
    Map<String, Instant> mutes();

    /** Called after messages were written, so that senders need not poll often. */
    void onAlertsWritten(Runnable listener);

    /**
     * Remembers how many entities a root's outage blocked at most so far, so that its recovery can say
     * it after a restart too; queued in order with the transition that made it so.
     */
    void recordPeak(String entity, Instant since, int casualties);

    /**
     * @param status          {@code down} or {@code degraded}
     * @param peakCasualties  for a down root: how many it blocked at most so far
     */
    record OpenProblem(String entity, dev.topowatch.topology.Status status, Instant since, int peakCasualties) {
    }
}
