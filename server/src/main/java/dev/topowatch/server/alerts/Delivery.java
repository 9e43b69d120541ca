package dev.topowatch.server.alerts;

import java.time.Duration;
import java.util.List;

/** What a channel says of one delivery attempt. */
public sealed interface Delivery {

    /**
     * The channel's API accepted the alerts.
     *
     * @param sent the messages that hold them, for a channel that edits them later; empty otherwise
     */
    record Delivered(List<SentAlerts> sent) implements Delivery {
        public Delivered {
            sent = List.copyOf(sent);
        }
    }

    /**
     * Not delivered; try again.
     *
     * @param after when the channel said when (Telegram's 429 {@code retry_after}); null for the usual backoff
     */
    record Retry(String error, Duration after) implements Delivery {
    }
}
