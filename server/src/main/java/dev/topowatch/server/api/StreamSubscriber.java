package dev.topowatch.server.api;

import io.javalin.http.sse.SseClient;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One SSE client: its own bounded queue drained by its own virtual thread. When the client reads
 * too slowly for the queue, it is disconnected: its browser reconnects with Last-Event-ID and gets
 * a snapshot, which is better than holding everyone else up or buffering without bound.
 */
final class StreamSubscriber {
    static final int QUEUE = 256;
    private static final StatusStream.Event KEEP_ALIVE = new StatusStream.Event(-1, "", "");
    private static final StatusStream.Event CLOSE = new StatusStream.Event(-2, "", "");

    private final SseClient client;
    private final BlockingQueue<StatusStream.Event> queue = new ArrayBlockingQueue<>(QUEUE);

    StreamSubscriber(SseClient client, List<StatusStream.Event> backlog) {
        this.client = client;
        backlog.forEach(queue::offer);
    }

    void start() {
        Thread.ofVirtual().name("sse-client").start(this::drain);
    }

    void offer(StatusStream.Event event) {
        if (!queue.offer(event)) {
            close();
        }
    }

    void keepAlive() {
        queue.offer(KEEP_ALIVE);
    }

    void close() {
        queue.clear();
        queue.offer(CLOSE);
    }

    private void drain() {
        try {
            while (!client.terminated()) {
                var event = queue.take();
                if (event == CLOSE) {
                    break;
                }
                if (event == KEEP_ALIVE) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent(event.type(), event.data(), Long.toString(event.id()));
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            // A client that went away has a recycled response: closing it again only makes noise.
            if (!client.terminated()) {
                try {
                    client.close();
                } catch (RuntimeException alreadyGone) {
                    // the connection ended while we closed it
                }
            }
        }
    }
}
