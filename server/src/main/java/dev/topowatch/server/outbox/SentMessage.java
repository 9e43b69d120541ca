package dev.topowatch.server.outbox;

import java.util.Objects;

/**
 * A message a channel sent and may still edit, as the outbox keeps it. The store does not read
 * {@code body}: the alerts package writes it and reads it back.
 *
 * @param messageId the channel's id for it (Telegram's message_id)
 */
public record SentMessage(String channel, long messageId, String body) {

    public SentMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
    }
}
