package dev.topowatch.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** 500 browsers on the live stream at once, and one that stops reading: every reader still gets every change. */
@Tag("slow")
class BoardStreamLoadTest {
    private static final int CLIENTS = 500;

    @TempDir
    Path directory;
    private HttpServer target;
    private volatile int status = 200;

    @AfterEach
    void stop() {
        if (target != null) {
            target.stop(0);
        }
    }

    @Test
    void five_hundred_clients_each_get_the_change_and_a_client_that_stops_reading_stalls_nobody() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        target.start();
        try (var harness = BoardHarness.start(directory, """
                defaults: {interval: 1s, timeout: 1s, failure_threshold: 1}
                entities:
                  web: {type: api, url: "http://127.0.0.1:%d/health"}
                """.formatted(target.getAddress().getPort()))) {
            harness.awaitStatus("web", "up");

            // A client that connects and never reads: its socket buffers fill, then the board drops it.
            try (var stuck = new Socket("127.0.0.1", harness.board.port())) {
                OutputStream out = stuck.getOutputStream();
                out.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();

                var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                var snapshots = new CountDownLatch(CLIENTS);
                var downs = new CountDownLatch(CLIENTS);
                var failures = new AtomicInteger();
                var responses = new ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<Void>>>();
                for (int i = 0; i < CLIENTS; i++) {
                    var request = HttpRequest.newBuilder(harness.uri("/api/stream")).header("Accept", "text/event-stream").build();
                    responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(snapshots, downs)))
                            .whenComplete((response, failure) -> {
                                if (failure != null) {
                                    failures.incrementAndGet();
                                }
                            }));
                }
                assertThat(snapshots.await(60, TimeUnit.SECONDS)).as("every client got its snapshot; %d failed", failures.get()).isTrue();

                status = 503;

                assertThat(downs.await(30, TimeUnit.SECONDS)).as("%d of %d clients saw web go down", CLIENTS - downs.getCount(), CLIENTS).isTrue();
                assertThat(failures.get()).isZero();
                responses.forEach(response -> response.cancel(true));
            }
        }
    }

    /** Counts the first snapshot and the first update that shows web down. */
    private static final class Lines implements Flow.Subscriber<String> {
        private final CountDownLatch snapshots;
        private final CountDownLatch downs;
        private boolean snapshotSeen;
        private boolean downSeen;
        private String event = "";

        Lines(CountDownLatch snapshots, CountDownLatch downs) {
            this.snapshots = snapshots;
            this.downs = downs;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (event.equals("snapshot") && !snapshotSeen) {
                    snapshotSeen = true;
                    snapshots.countDown();
                } else if (event.equals("update") && !downSeen && line.contains("\"status\":\"down\"")) {
                    downSeen = true;
                    downs.countDown();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
