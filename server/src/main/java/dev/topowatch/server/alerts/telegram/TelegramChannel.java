package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.AlertPictures;
import dev.topowatch.server.alerts.ChannelBase;
import dev.topowatch.server.alerts.Delivery;
import dev.topowatch.server.alerts.EditableChannel;
import dev.topowatch.server.alerts.SentAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Telegram chat: grouped HTML messages, at most about one a second as Telegram asks; a root's
 * message is edited as its casualties change, at most one edit every {@link #EDIT_PACE}. A message
 * that tells of one root going down carries the picture of the root and its casualties, with the
 * text as its caption; without a picture, or with a text too long for a caption, it is text.
 */
public final class TelegramChannel extends ChannelBase implements EditableChannel {
    private static final Duration PACE = Duration.ofSeconds(1);
    /**
     * Telegram lets a bot send about 20 messages a minute to a group, edits included: one edit every
     * five seconds leaves room for the messages.
     */
    public static final Duration EDIT_PACE = Duration.ofSeconds(5);
    private static final String NOT_MODIFIED = "message is not modified";

    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

    private final TelegramApi api;
    private final String chat;
    private final TelegramText text;
    private final AlertPictures pictures;

    TelegramChannel(TelegramApi api, String chat, Set<AlertKind> wants, TelegramText text, AlertPictures pictures) {
        super(wants, true, PACE);
        this.api = api;
        this.chat = chat;
        this.text = text;
        this.pictures = pictures;
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
                sent.add(post(messages.get(i)));
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

    /** One message: the root's picture with the text as its caption when it can, else the text. */
    private SentAlerts post(List<Alert> message) throws TelegramApiException {
        var html = text.render(message);
        var root = root(message);
        var picture = root.filter(unused -> html.length() <= TelegramApi.CAPTION_LIMIT).flatMap(this::pictureOf);
        if (picture.isPresent()) {
            try {
                return new SentAlerts(api.sendPhoto(chat, picture.get(), root.get() + ".png", html), true, message);
            } catch (TelegramApiRequestException refused) {
                if (refused.getErrorCode() == null || refused.getErrorCode() != 400) {
                    throw refused;
                }
                LOG.warn("telegram refused the picture, sending the text alone chat={} error=\"{}\"", chat, api.failure(refused).message());
            }
        }
        return new SentAlerts(api.send(chat, html), false, message);
    }

    /** The root of a message that tells of exactly one root going down. */
    private static Optional<String> root(List<Alert> message) {
        var roots = message.stream().filter(alert -> alert.kind() == AlertKind.DOWN && alert.entity() != null).toList();
        return roots.size() == 1 ? Optional.of(roots.getFirst().entity()) : Optional.empty();
    }

    private Optional<byte[]> pictureOf(String root) {
        try {
            return pictures.focusOn(root).filter(png -> png.length > 0);
        } catch (RuntimeException failed) {
            LOG.warn("no picture of {} for the alert error=\"{}\"", root, failed.toString());
            return Optional.empty();
        }
    }

    @Override
    public Edit edit(SentAlerts message, List<Alert> now) {
        var html = text.render(now);
        if (message.photo() && html.length() > TelegramApi.CAPTION_LIMIT) {
            return new Edit.Impossible("its caption would pass Telegram's " + TelegramApi.CAPTION_LIMIT + " characters");
        }
        try {
            api.edit(chat, message.messageId(), html, message.photo());
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
