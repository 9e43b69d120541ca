package dev.topowatch.server.alerts;

import java.time.Duration;

/** What a channel says of one delivery attempt. */
public sealed interface Delivery {

    /** The channel's API accepted the message. */
    record Delivered() implements Delivery {
    }

    /**
     * Not delivered; try again.
     *
     * @param after when the channel said when (Telegram's 429 {@code retry_after}); null for the usual backoff
     */
    record Retry(String error, Duration after) implements Delivery {
    }
}
