package dev.topowatch.server.alerts;

import java.util.List;

/**
 * One message a chat holds: the alerts it shows, as they were last shown, so that it can be edited
 * while an outage it tells of goes on.
 *
 * @param messageId the chat's id for it
 * @param photo     a picture with the text as its caption (edited as a caption, within Telegram's caption limit)
 */
public record SentAlerts(long messageId, boolean photo, List<Alert> shown) {

    public SentAlerts {
        shown = List.copyOf(shown);
    }

    public SentAlerts showing(List<Alert> now) {
        return new SentAlerts(messageId, photo, now);
    }
}
