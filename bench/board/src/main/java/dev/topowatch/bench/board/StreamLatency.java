package dev.topowatch.bench.board;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From a target going down to the board's /api/stream saying so: a target flips to 503 and records
 * when it first answered 503 (the moment a check sees it); an SSE reader records when the update
 * with that entity down arrives. Repeated, flipping back up between rounds.
 *
 * <pre>args: BOARD_PORT TARGET_PORT ROUNDS  (the board checks "web" at http://127.0.0.1:TARGET_PORT/health)</pre>
 */
public final class StreamLatency {

    public static void main(String[] args) throws Exception {
        int boardPort = Integer.parseInt(args[0]);
        int targetPort = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        var status = new AtomicInteger(200);
        var firstFailure = new AtomicLong();
        var target = HttpServer.create(new InetSocketAddress("127.0.0.1", targetPort), 64);
        target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        target.createContext("/health", exchange -> {
            int code = status.get();
            if (code != 200) {
                firstFailure.compareAndSet(0, System.nanoTime());
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        target.start();
        var latencies = new double[rounds];
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + boardPort + "/api/stream"))
                .header("Accept", "text/event-stream").build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        Thread.sleep(3000);
        for (int round = 0; round < rounds; round++) {
            firstFailure.set(0);
            status.set(503);
            latencies[round] = awaitStatus(lines, "down", firstFailure);
            status.set(200);
            awaitStatus(lines, "up", null);
            Thread.sleep(500);
        }
        System.out.println("rounds (ms): " + Arrays.toString(Arrays.stream(latencies).map(Math::rint).toArray()));
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "check sees the failure -> SSE update: median %.0f ms, max %.0f ms over %d rounds%n",
                latencies[rounds / 2], latencies[rounds - 1], rounds);
        System.exit(0);
    }

    /** Reads events until one shows "web" in {@code wanted}; milliseconds since {@code since} (when given). */
    private static double awaitStatus(BufferedReader lines, String wanted, AtomicLong since) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("data:") && line.contains("\"name\":\"web\"")
                    && line.contains("\"name\":\"web\",\"type\":\"api\"") && statusOfWeb(line).equals(wanted)) {
                long now = System.nanoTime();
                if (since == null) {
                    return 0;
                }
                if (since.get() == 0) {
                    // Down before the target answered 503: a check that timed out (a loaded machine); not a round.
                    System.out.println("down without a 503 answered (a timed-out check), ignored");
                    continue;
                }
                return (now - since.get()) / 1e6;
            }
        }
        throw new IllegalStateException("stream ended");
    }

    private static String statusOfWeb(String line) {
        int at = line.indexOf("\"name\":\"web\",\"type\":\"api\"");
        int status = line.indexOf("\"status\":\"", at) + 10;
        return line.substring(status, line.indexOf('"', status));
    }
}
