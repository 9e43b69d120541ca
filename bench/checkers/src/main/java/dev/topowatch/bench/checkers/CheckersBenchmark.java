package dev.topowatch.bench.checkers;

import com.sun.net.httpserver.HttpServer;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.Checkers;
import dev.topowatch.checkers.schedule.Scheduler;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.load.TopologyLoader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler and the api checker at scale, in this process: N api entities at a 10 s interval
 * against local HTTP servers (or, with "hang", servers that accept and never answer), for a while.
 * Lag is how late each check starts against its entity's previous start plus the interval.
 *
 * <pre>args: ENTITIES SECONDS [hang]</pre>
 */
public final class CheckersBenchmark {
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        int entities = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        boolean hang = args.length > 2 && args[2].equals("hang");
        var targets = hang ? hangingTargets(4) : httpTargets(4);
        var yaml = new StringBuilder("defaults: {interval: 10s, timeout: 5s, failure_threshold: 1}\nentities:\n");
        for (int i = 0; i < entities; i++) {
            yaml.append("  e").append(i).append(": {type: api, url: \"http://127.0.0.1:").append(targets.get(i % targets.size()))
                    .append("/health\"}\n");
        }
        var topology = new TopologyLoader(Map.of()).parse(yaml.toString(), Path.of("bench.yaml")).orThrow();
        var lastStart = new ConcurrentHashMap<String, Long>();
        var lags = new long[20_000_000];
        var lagCount = new AtomicLong();
        var checks = new AtomicLong();
        try (var checkers = Checkers.create(Clock.systemUTC())) {
            var api = checkers.forType(EntityType.API).orElseThrow();
            Checker timed = (entity, timeout) -> {
                long now = System.nanoTime();
                var previous = lastStart.put(entity.name(), now);
                if (previous != null) {
                    long lag = now - previous - INTERVAL.toNanos();
                    long index = lagCount.getAndIncrement();
                    if (index < lags.length) {
                        lags[(int) index] = Math.max(0, lag);
                    }
                }
                checks.incrementAndGet();
                return api.check(entity, timeout);
            };
            var scheduler = new Scheduler(Map.of(EntityType.API, timed), Clock.systemUTC(), outcome -> { });
            scheduler.replaceAll(topology.entities().values());
            var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = cpu.getProcessCpuTime();
            long checksBefore = checks.get();
            long started = System.nanoTime();
            scheduler.start();
            Thread.sleep(Duration.ofSeconds(seconds));
            long elapsed = System.nanoTime() - started;
            long cpuUsed = cpu.getProcessCpuTime() - cpuBefore;
            long done = checks.get() - checksBefore;
            scheduler.close();
            int counted = (int) Math.min(lagCount.get(), lags.length);
            var sorted = Arrays.copyOf(lags, counted);
            Arrays.sort(sorted);
            double scheduled = entities / (double) INTERVAL.toSeconds();
            System.out.printf(Locale.ROOT, "| %d%s | %d s | %.0f / %.0f | %.1f ms | %.1f ms | %.1f ms | %.2f s | %d MB |%n",
                    entities, hang ? " hanging" : "", seconds, done / (elapsed / 1e9), scheduled,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0),
                    cpuUsed / 1e9 / Math.max(1, done) * 1000, peakRssMb());
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static long peakRssMb() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static List<Integer> httpTargets(int count) throws IOException {
        var ports = new ArrayList<Integer>();
        for (int i = 0; i < count; i++) {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/health", exchange -> {
                var body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            ports.add(server.getAddress().getPort());
        }
        return ports;
    }

    /**
     * Servers that accept every connection and never say a word: every check runs into its timeout.
     * Each connection is dropped a little after the checker gave up, so the benchmark does not run out
     * of file descriptors.
     */
    private static List<Integer> hangingTargets(int count) throws IOException {
        var ports = new ArrayList<Integer>();
        for (int i = 0; i < count; i++) {
            var server = new ServerSocket(0, 4096, java.net.InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        var socket = server.accept();
                        Thread.ofVirtual().start(() -> {
                            try (Socket held = socket) {
                                Thread.sleep(7_000);
                            } catch (IOException | InterruptedException ignored) {
                                // dropped
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            ports.add(server.getLocalPort());
        }
        return ports;
    }
}
