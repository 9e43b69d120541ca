package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.Channel;
import dev.topowatch.server.alerts.Delivery;
import dev.topowatch.server.alerts.MessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** One Telegram chat: grouped HTML messages, at most about one a second as Telegram asks. */
public final class TelegramChannel implements Channel {
    private static final Duration PACE = Duration.ofSeconds(1);

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
    public Delivery deliver(List<Alert> alerts, List<Long> ids) {
        var messages = text.renderGrouped(alerts);
        for (int i = 0; i < messages.size(); i++) {
            try {
                if (i > 0) {
                    Thread.sleep(PACE);
                }
                api.send(chat, messages.get(i));
            } catch (TelegramApiException failed) {
                var failure = api.failure(failed);
                var why = failure.code() == null ? failure.message() : "telegram answered " + failure.code() + ": " + failure.message();
                return new Delivery.Retry(why, failure.retryAfter());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return new Delivery.Retry("stopping", null);
            } catch (RuntimeException unexpected) {
                return new Delivery.Retry(String.valueOf(unexpected.getMessage()), null);
            }
        }
        return new Delivery.Delivered();
    }
}
