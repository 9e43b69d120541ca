package dev.topowatch.server.alerts.telegram;

import dev.topowatch.server.alerts.BoardFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The bot's commands, read by long polling and answered only in the configured chats (a stranger
 * who finds the bot learns nothing): {@code /status [PROJECT]}, {@code /entity NAME}, {@code /mute NAME 1h},
 * {@code /unmute NAME}.
 */
public final class BotCommands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotCommands.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final TelegramApi api;
    private final Set<String> allowedChats;
    private final BoardFacts board;
    private final Thread thread;
    private volatile boolean closed;

    /** @param allowedChats chat ids as configured, topics stripped */
    public BotCommands(TelegramApi api, Set<String> allowedChats, BoardFacts board) {
        this.api = api;
        this.allowedChats = Set.copyOf(allowedChats);
        this.board = board;
        this.thread = Thread.ofVirtual().name("telegram-commands").start(this::poll);
    }

    private void poll() {
        int offset = 0;
        var backoff = Duration.ofSeconds(1);
        while (!closed) {
            try {
                for (var update : api.updates(offset, TelegramApi.LONG_POLL)) {
                    offset = Math.max(offset, update.getUpdateId() + 1);
                    if (update.hasMessage() && update.getMessage().hasText()) {
                        answer(update.getMessage());
                    }
                }
                backoff = Duration.ofSeconds(1);
            } catch (TelegramApiException failed) {
                if (closed) {
                    return;
                }
                LOG.warn("telegram getUpdates failed, retrying in {} s error=\"{}\"", backoff.toSeconds(), api.failure(failed).message());
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException unexpected) {
                LOG.warn("telegram command failed error=\"{}\"", unexpected.getMessage());
                if (!sleep(backoff)) {
                    return;
                }
            }
        }
    }

    private void answer(Message message) throws TelegramApiException {
        var chat = Long.toString(message.getChatId());
        if (!allowedChats.contains(chat)) {
            LOG.info("telegram command from a chat not in alerts.telegram.chat_id ignored chat={}", chat);
            return;
        }
        var reply = reply(message.getText().strip());
        if (reply == null) {
            return;
        }
        var target = message.getMessageThreadId() == null ? chat : chat + "/" + message.getMessageThreadId();
        api.send(target, reply);
    }

    /** The answer to one command, as Telegram HTML; null for what is not a command of ours. */
    String reply(String text) {
        if (!text.startsWith("/")) {
            return null;
        }
        var words = text.split("\\s+");
        var command = words[0].toLowerCase(Locale.ROOT);
        var at = command.indexOf('@');
        if (at >= 0) {
            command = command.substring(0, at);
        }
        return switch (command) {
            case "/status" -> board.summary(words.length < 2 ? null : words[1]);
            case "/start" -> board.summary(null);
            case "/entity" -> words.length < 2 ? "Usage: /entity NAME" : board.entity(words[1]);
            case "/mute" -> words.length < 3 ? "Usage: /mute NAME 1h" : board.mute(words[1], words[2]);
            case "/unmute" -> words.length < 2 ? "Usage: /unmute NAME" : board.unmute(words[1]);
            case "/help" -> "/status [PROJECT], /entity NAME, /mute NAME 1h, /unmute NAME";
            default -> null;
        };
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException stopping) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
