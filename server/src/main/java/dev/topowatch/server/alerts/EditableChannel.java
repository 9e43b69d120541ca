package dev.topowatch.server.alerts;

import java.time.Duration;
import java.util.List;

/** A channel whose messages can be changed once sent (a chat), so that a root's message stays true. Never throws. */
public interface EditableChannel extends Channel {

    /** The least time between two edits in this channel: they count against its rate limit as messages do. */
    Duration editPace();

    /** Changes {@code message} to show {@code now}. */
    Edit edit(SentAlerts message, List<Alert> now);

    /** What the channel says of one edit. */
    sealed interface Edit {

        /** The message shows {@code now} (also when it already did). */
        record Done() implements Edit {
        }

        /** Not edited; try again, after {@code after} when the channel said (a 429), else the usual backoff. */
        record Retry(String error, Duration after) implements Edit {
        }

        /** It cannot be edited any more (deleted in the chat, or the new text does not fit): give it up. */
        record Impossible(String why) implements Edit {
        }
    }
}
