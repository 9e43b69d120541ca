package dev.topowatch.server.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on 127.0.0.1 (a generic webhook, or Slack's or Discord's standing in) that
 * records every POST (headers and body) and can fail the next ones, with a Retry-After when asked.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** @param at when it came, on the machine's clock: to see how long the sender waited */
    public record Call(Map<String, String> headers, String body, int answered, long at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private record Failure(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Queue<Failure> failures = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = new java.util.HashMap<String, String>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
                Failure failure;
                synchronized (this) {
                    failure = failures.poll();
                    calls.add(new Call(headers, body, failure == null ? 204 : failure.status(), System.nanoTime()));
                }
                if (failure != null && failure.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
                }
                exchange.sendResponseHeaders(failure == null ? 204 : failure.status(), -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public synchronized void failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, null));
        }
    }

    /** The next POST is answered 429 with {@code Retry-After: seconds}. */
    public synchronized void rateLimitNext(String seconds) {
        failures.add(new Failure(429, seconds));
    }

    /** Stops failing: the failures not used yet are dropped. */
    public synchronized void recover() {
        failures.clear();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> accepted() {
        return calls().stream().filter(call -> call.answered() < 300).toList();
    }

    public List<Call> awaitAccepted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return accepted();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
