package dev.topowatch.server.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Somewhere alerts go: one Telegram chat, one webhook. Never throws: a failure is a {@link Delivery.Retry}. */
public interface Channel {

    /** Stable across restarts and reloads, stored with every outbox row; never holds a secret. */
    String key();

    /** For people: the chat id, the webhook's URL as written (secrets masked). */
    String displayName();

    /** The kinds this channel was asked to be told about. */
    Set<AlertKind> wants();

    /** Whether alerts that happen close together go out as one message (a chat) or one each (a webhook). */
    boolean groups();

    /** The least time between two messages, to stay within the channel's rate limit. */
    Duration pace();

    /** Sends these alerts, oldest first: one message when {@link #groups()}, else exactly one alert. */
    Delivery deliver(List<Alert> alerts, List<Long> ids);
}
