package dev.topowatch.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local Telegram Bot API on 127.0.0.1 speaking the real {@code sendMessage}, {@code sendPhoto} (a
 * multipart upload), {@code editMessageText}, {@code editMessageCaption} and {@code getUpdates}, for
 * the board's client to talk to through
 * {@code api_url}. It records what was sent and edited and what each message shows now, answers an
 * edit that changes nothing or a message it does not know with Telegram's 400s, can be told to fail
 * the next calls (429 with {@code retry_after}, 500), and queues updates for the bot.
 */
public final class FakeTelegram implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One sendMessage or sendPhoto the fake accepted (or refused: {@code answered} says); {@code messageId} 0
     * when refused. For a photo, {@code text} is its caption and {@code photo} the uploaded file; null otherwise.
     */
    public record Sent(String chatId, Integer threadId, String text, String parseMode, int answered, Instant at, int messageId,
                       byte[] photo, String filename) {
    }

    /** One edit asked for: {@code method} is editmessagetext or editmessagecaption; {@code answered} what the fake said. */
    public record Edit(String chatId, int messageId, String method, String text, String parseMode, int answered) {
    }

    private final String token;
    private final HttpServer server;
    private final List<Sent> sent = new ArrayList<>();
    private final Queue<int[]> failures = new ArrayDeque<>();
    private final Queue<Integer> editFailures = new ArrayDeque<>();
    private final List<Edit> edits = new ArrayList<>();
    /** What each message shows now, by id: its text, or its caption. */
    private final Map<Integer, String> showing = new HashMap<>();
    private final List<String> updates = new ArrayList<>();
    private int nextMessageId = 1;

    public FakeTelegram(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next sendMessage calls fail: {@code status} 429 with {@code retryAfter} seconds, or any other status. */
    public synchronized void failNext(int times, int status, int retryAfter) {
        for (int i = 0; i < times; i++) {
            failures.add(new int[] {status, retryAfter});
        }
    }

    /** The next edits fail with {@code status} (429 with retry_after 1, or any other status). */
    public synchronized void failNextEdits(int times, int status) {
        for (int i = 0; i < times; i++) {
            editFailures.add(status);
        }
    }

    /** Telegram is back: the failures still queued are dropped. */
    public synchronized void recover() {
        failures.clear();
        editFailures.clear();
    }

    /** Edits Telegram made, in order. */
    public synchronized List<Edit> edited() {
        return edits.stream().filter(edit -> edit.answered() == 200).toList();
    }

    /** Every edit asked for, made or not. */
    public synchronized List<Edit> editAttempts() {
        return List.copyOf(edits);
    }

    /** What the message shows now, after its edits. */
    public synchronized String showing(int messageId) {
        return showing.get(messageId);
    }

    /** Waits until at least {@code count} edits were made, up to {@code timeout}. */
    public List<Edit> awaitEdited(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (edited().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return edited();
    }

    /** A text message from a user in {@code chatId}, for the bot to read with getUpdates. */
    public synchronized void userSays(long chatId, String text) {
        int id = updates.size() + 1;
        updates.add("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + (1000 + id) + ",\"date\":"
                + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"user\"},\"text\":"
                + JSON.valueToTree(text) + "}}");
    }

    /** Messages Telegram accepted, in order. */
    public synchronized List<Sent> delivered() {
        return sent.stream().filter(message -> message.answered() == 200).toList();
    }

    /** Every sendMessage call, accepted or not. */
    public synchronized List<Sent> attempts() {
        return List.copyOf(sent);
    }

    public List<Sent> deliveredTo(String chatId) {
        return delivered().stream().filter(message -> message.chatId().equals(chatId)).toList();
    }

    /** Waits until at least {@code count} messages were accepted, up to {@code timeout}. */
    public List<Sent> awaitDelivered(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (delivered().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return delivered();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                answer(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            var bytes = exchange.getRequestBody().readAllBytes();
            var body = new String(bytes, StandardCharsets.UTF_8);
            // Method names are case-insensitive in the real Bot API; telegrambots sends them in lower case.
            var method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
            switch (method) {
                case "sendmessage" -> sendMessage(exchange, JSON.readTree(body));
                case "sendphoto" -> sendPhoto(exchange, MultipartForm.parse(exchange.getRequestHeaders().getFirst("Content-Type"), bytes));
                case "editmessagetext" -> edit(exchange, method, JSON.readTree(body), "text");
                case "editmessagecaption" -> edit(exchange, method, JSON.readTree(body), "caption");
                case "getupdates" -> getUpdates(exchange, body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
                default -> answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
            }
        }
    }

    private void sendMessage(HttpExchange exchange, JsonNode request) throws IOException {
        send(exchange, request.path("chat_id").asText(),
                request.hasNonNull("message_thread_id") ? request.get("message_thread_id").asInt() : null,
                request.path("text").asText(), request.path("parse_mode").asText(null), null, null);
    }

    private void sendPhoto(HttpExchange exchange, Map<String, MultipartForm.Part> form) throws IOException {
        var photo = form.get("photo");
        // As Telegram does: "attach://NAME" stands for the file uploaded in the part called NAME.
        if (photo != null && photo.filename() == null && photo.text().startsWith("attach://")) {
            photo = form.get(photo.text().substring("attach://".length()));
        }
        var thread = form.get("message_thread_id");
        var parseMode = form.get("parse_mode");
        send(exchange, form.get("chat_id").text(), thread == null ? null : Integer.valueOf(thread.text()),
                form.containsKey("caption") ? form.get("caption").text() : "", parseMode == null ? null : parseMode.text(),
                photo == null ? null : photo.content(), photo == null ? null : photo.filename());
    }

    private void send(HttpExchange exchange, String chatId, Integer threadId, String text, String parseMode, byte[] photo,
                      String filename) throws IOException {
        int[] failure;
        int id = 0;
        synchronized (this) {
            failure = failures.poll();
            if (failure == null) {
                id = nextMessageId++;
                showing.put(id, text);
            }
            sent.add(new Sent(chatId, threadId, text, parseMode, failure == null ? 200 : failure[0], Instant.now(), id, photo, filename));
        }
        if (failure != null) {
            fail(exchange, failure[0], failure[1]);
        } else {
            answer(exchange, 200, "{\"ok\":true,\"result\":" + message(id, chatId, photo == null ? "text" : "caption", text) + "}");
        }
    }

    private void edit(HttpExchange exchange, String method, JsonNode request, String field) throws IOException {
        var chatId = request.path("chat_id").asText();
        int id = request.path("message_id").asInt();
        var text = request.path(field).asText();
        Integer failure;
        String refusal = null;
        synchronized (this) {
            failure = editFailures.poll();
            if (failure == null && !showing.containsKey(id)) {
                refusal = "Bad Request: message to edit not found";
            } else if (failure == null && showing.get(id).equals(text)) {
                refusal = "Bad Request: message is not modified: specified new message content and reply markup are exactly"
                        + " the same as a current content and reply markup of the message";
            } else if (failure == null) {
                showing.put(id, text);
            }
            int answered = failure != null ? failure : refusal != null ? 400 : 200;
            edits.add(new Edit(chatId, id, method, text, request.path("parse_mode").asText(null), answered));
        }
        if (failure != null) {
            fail(exchange, failure, 1);
        } else if (refusal != null) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":" + JSON.valueToTree(refusal) + "}");
        } else {
            answer(exchange, 200, "{\"ok\":true,\"result\":" + message(id, chatId, field, text) + "}");
        }
    }

    /** A Message as Telegram returns it; telegrambots needs a non-zero date. */
    private static String message(int id, String chatId, String field, String text) {
        return "{\"message_id\":" + id + ",\"date\":" + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":" + chatId
                + ",\"type\":\"private\"},\"" + field + "\":" + JSON.valueToTree(text) + "}";
    }

    private static void fail(HttpExchange exchange, int status, int retryAfter) throws IOException {
        if (status == 400) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: IMAGE_PROCESS_FAILED\"}");
        } else if (status == 429) {
            answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
        } else {
            answer(exchange, status, "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"Internal Server Error\"}");
        }
    }

    /** Answers at once when updates are waiting, else after a short wait (a real server waits {@code timeout}). */
    private void getUpdates(HttpExchange exchange, JsonNode request) throws IOException {
        int offset = request.path("offset").asInt(0);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        List<String> waiting;
        do {
            synchronized (this) {
                waiting = updates.subList(Math.min(Math.max(offset - 1, 0), updates.size()), updates.size()).stream().toList();
            }
            if (!waiting.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        answer(exchange, 200, "{\"ok\":true,\"result\":[" + String.join(",", waiting) + "]}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
