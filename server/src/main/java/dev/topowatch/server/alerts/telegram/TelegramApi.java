package dev.topowatch.server.alerts.telegram;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Bot API through telegrambots' client: Telegram's own servers, or {@code api_url} (a self-hosted
 * Bot API server, a local fake), through {@code proxy} when set. Errors come back without the bot
 * token in them.
 */
public final class TelegramApi implements AutoCloseable {
    /** Telegram's limit for a photo's caption; a longer text goes as a message of its own. */
    public static final int CAPTION_LIMIT = 1024;
    /** Long polls wait this long on the server; the client's read timeout is longer. */
    static final Duration LONG_POLL = Duration.ofSeconds(25);

    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final String token;

    public TelegramApi(Secret botToken, ConfigText apiUrl, ConfigText proxy) {
        this.token = botToken.reveal();
        var builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(LONG_POLL.plusSeconds(15))
                .callTimeout(LONG_POLL.plusSeconds(20));
        if (proxy != null) {
            builder.proxy(proxy(URI.create(proxy.value())));
        }
        this.http = builder.build();
        this.client = apiUrl == null
                ? new OkHttpTelegramClient(http, token)
                : new OkHttpTelegramClient(http, token, url(URI.create(apiUrl.value())));
    }

    private static TelegramUrl url(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return TelegramUrl.builder().schema(uri.getScheme()).host(uri.getHost()).port(port).testServer(false).build();
    }

    private static Proxy proxy(URI uri) {
        var type = uri.getScheme().startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
        int port = uri.getPort() != -1 ? uri.getPort() : type == Proxy.Type.SOCKS ? 1080 : 8080;
        return new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    /**
     * Sends one HTML message.
     *
     * @param chat a chat id, or {@code CHAT/TOPIC} for a topic of a forum group
     * @return the message's id in the chat, to edit it later
     */
    public long send(String chat, String html) throws TelegramApiException {
        var message = SendMessage.builder()
                .chatId(chatId(chat))
                .text(html)
                .parseMode("HTML")
                .disableWebPagePreview(true);
        topic(chat).ifPresent(message::messageThreadId);
        return client.execute(message.build()).getMessageId();
    }

    /**
     * Sends a picture with an HTML caption (at most {@link #CAPTION_LIMIT} characters), as a multipart upload.
     *
     * @return the message's id in the chat, to edit its caption later
     */
    public long sendPhoto(String chat, byte[] png, String name, String caption) throws TelegramApiException {
        var photo = SendPhoto.builder()
                .chatId(chatId(chat))
                .photo(new InputFile(new ByteArrayInputStream(png), name))
                .caption(caption)
                .parseMode("HTML");
        topic(chat).ifPresent(photo::messageThreadId);
        return client.execute(photo.build()).getMessageId();
    }

    /**
     * Replaces the HTML of a message sent before: its text, or its caption when it is a picture.
     * Telegram answers 400 "message is not modified" when it already shows {@code html}.
     */
    public void edit(String chat, long messageId, String html, boolean caption) throws TelegramApiException {
        if (caption) {
            client.execute(EditMessageCaption.builder().chatId(chatId(chat)).messageId(Math.toIntExact(messageId))
                    .caption(html).parseMode("HTML").build());
        } else {
            client.execute(EditMessageText.builder().chatId(chatId(chat)).messageId(Math.toIntExact(messageId))
                    .text(html).parseMode("HTML").disableWebPagePreview(true).build());
        }
    }

    /** The chat of {@code CHAT} or {@code CHAT/TOPIC}. */
    private static String chatId(String chat) {
        var slash = chat.indexOf('/');
        return slash < 0 ? chat : chat.substring(0, slash);
    }

    /** The forum topic of {@code CHAT/TOPIC}, if any. */
    private static Optional<Integer> topic(String chat) {
        var slash = chat.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(Integer.valueOf(chat.substring(slash + 1)));
    }

    /** The next updates after {@code offset}, waiting up to {@code wait} for one. */
    public List<Update> updates(int offset, Duration wait) throws TelegramApiException {
        return client.execute(GetUpdates.builder().offset(offset).timeout((int) wait.toSeconds())
                .allowedUpdates(List.of("message")).build());
    }

    /** A failure in one line, with Telegram's retry advice when it gave one, never with the token. */
    public Failure failure(TelegramApiException failed) {
        Duration retryAfter = null;
        Integer code = null;
        if (failed instanceof TelegramApiRequestException request) {
            code = request.getErrorCode();
            if (request.getParameters() != null && request.getParameters().getRetryAfter() != null) {
                retryAfter = Duration.ofSeconds(request.getParameters().getRetryAfter());
            }
        }
        var text = new StringBuilder(failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
        for (var cause = failed.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return new Failure(code, text.toString().replace(token, "***"), retryAfter);
    }

    /** @param code Telegram's error code, if it answered; @param retryAfter its 429 advice, if any */
    public record Failure(Integer code, String message, Duration retryAfter) {
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
