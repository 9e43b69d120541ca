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

/** A webhook endpoint on 127.0.0.1 that records every POST (headers and body) and can fail the next ones. */
public final class WebhookReceiver implements AutoCloseable {

    public record Call(Map<String, String> headers, String body, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Queue<Integer> failures = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = new java.util.HashMap<String, String>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
                int status;
                synchronized (this) {
                    var failure = failures.poll();
                    status = failure == null ? 204 : failure;
                    calls.add(new Call(headers, body, status));
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public synchronized void failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            failures.add(status);
        }
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
