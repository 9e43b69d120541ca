package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.Delivery;
import dev.topowatch.server.alerts.EditableChannel;
import dev.topowatch.server.alerts.MessageText;
import dev.topowatch.server.alerts.SentAlerts;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One Telegram chat: grouped HTML messages, at most about one a second as Telegram asks; a root's
 * message is edited as its casualties change, at most one edit every {@link #EDIT_PACE}.
 */
public final class TelegramChannel implements EditableChannel {
    private static final Duration PACE = Duration.ofSeconds(1);
    /**
     * Telegram lets a bot send about 20 messages a minute to a group, edits included: one edit every
     * five seconds leaves room for the messages.
     */
    public static final Duration EDIT_PACE = Duration.ofSeconds(5);
    private static final String NOT_MODIFIED = "message is not modified";

    private final TelegramApi api;
    private final String chat;
    private final Set<AlertKind> wants;
    private final MessageText text;

    public TelegramChannel(TelegramApi api, String chat, Set<AlertKind> wants, MessageText text) {
        this.api = api;
        this.chat = chat;
        this.wants = Set.copyOf(wants);
        this.text = text;
    }

    @Override
    public String key() {
        return "telegram:" + chat;
    }

    @Override
    public String displayName() {
        return "telegram chat " + chat;
    }

    @Override
    public Set<AlertKind> wants() {
        return wants;
    }

    @Override
    public boolean groups() {
        return true;
    }

    @Override
    public Duration pace() {
        return PACE;
    }

    @Override
    public Duration editPace() {
        return EDIT_PACE;
    }

    @Override
    public Delivery deliver(List<Alert> alerts, List<Long> ids) {
        var sent = new ArrayList<SentAlerts>();
        var messages = text.messages(alerts);
        for (int i = 0; i < messages.size(); i++) {
            try {
                if (i > 0) {
                    Thread.sleep(PACE);
                }
                var message = messages.get(i);
                sent.add(new SentAlerts(api.send(chat, text.render(message)), false, message));
            } catch (TelegramApiException failed) {
                var failure = api.failure(failed);
                return new Delivery.Retry(why(failure), failure.retryAfter());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return new Delivery.Retry("stopping", null);
            } catch (RuntimeException unexpected) {
                return new Delivery.Retry(String.valueOf(unexpected.getMessage()), null);
            }
        }
        return new Delivery.Delivered(sent);
    }

    @Override
    public Edit edit(SentAlerts message, List<Alert> now) {
        try {
            api.edit(chat, message.messageId(), text.render(now), message.photo());
            return new Edit.Done();
        } catch (TelegramApiException failed) {
            var failure = api.failure(failed);
            if (failure.code() != null && failure.code() == 400) {
                // Already showing it (an edit made before a restart, not yet marked), or gone for good.
                return failure.message().contains(NOT_MODIFIED) ? new Edit.Done() : new Edit.Impossible(why(failure));
            }
            return new Edit.Retry(why(failure), failure.retryAfter());
        } catch (RuntimeException unexpected) {
            return new Edit.Retry(String.valueOf(unexpected.getMessage()), null);
        }
    }

    private static String why(TelegramApi.Failure failure) {
        return failure.code() == null ? failure.message() : "telegram answered " + failure.code() + ": " + failure.message();
    }
}
