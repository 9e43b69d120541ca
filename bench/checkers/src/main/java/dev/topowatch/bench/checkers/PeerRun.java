package dev.topowatch.bench.checkers;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * The run peers were measured on: the real {@code serve} program (the jar, in its own JVM, with the
 * flags given) checking 50 api entities every 20 s against one loopback HTTP target. One minute of
 * warm-up, then two minutes measured: the whole process's CPU time per check, and its peak RSS.
 *
 * <pre>args: JAR WARMUP_SECONDS MEASURE_SECONDS [JVM flags...]</pre>
 */
public final class PeerRun {
    private static final long CLOCK_TICKS = 100;

    public static void main(String[] args) throws Exception {
        var jar = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int measure = Integer.parseInt(args[2]);
        var flags = List.of(args).subList(3, args.length);
        var target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        target.createContext("/health", exchange -> {
            var body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        var directory = Files.createTempDirectory("topowatch-peer");
        var topology = directory.resolve("topology.yaml");
        var yaml = new StringBuilder("defaults: {interval: 20s, timeout: 5s}\nentities:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("  api").append(i).append(": {type: api, url: \"http://127.0.0.1:").append(target.getAddress().getPort())
                    .append("/health\"}\n");
        }
        Files.writeString(topology, yaml);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString(), "serve", topology.toString(), "--listen", "127.0.0.1:" + port,
                "--database", directory.resolve("board.db").toString()));
        var board = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(directory.resolve("board.log").toFile()).start();
        try {
            Thread.sleep(Duration.ofSeconds(warmup));
            // The first /metrics request loads and compiles the HTTP stack: warm-up, not checking.
            double checksBefore = checks(port);
            var threadsBefore = threadTicks(board.pid());
            long cpuBefore = cpuTicks(board.pid());
            Thread.sleep(Duration.ofSeconds(measure));
            long cpuAfter = cpuTicks(board.pid());
            var threadsAfter = threadTicks(board.pid());
            double checksAfter = checks(port);
            double checks = checksAfter - checksBefore;
            double cpuMs = (cpuAfter - cpuBefore) * 1000.0 / CLOCK_TICKS;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f ms | %.2f ms | %d MB |%n", String.join(" ", flags), checks, cpuMs,
                    cpuMs / checks, peakRssMb(board.pid()));
            if (Boolean.getBoolean("threads")) {
                // Per thread name (as the kernel shows it, 15 characters): CPU ms over the window, and
                // wake-ups (voluntary context switches): at this rate each costs more than the work it wakes for.
                var cpu = new java.util.TreeMap<String, Long>();
                var wakeups = new java.util.TreeMap<String, Long>();
                threadsAfter.forEach((tid, after) -> {
                    var before = threadsBefore.getOrDefault(tid, new ThreadTicks(after.name(), 0, 0));
                    var name = after.name().replaceAll("[0-9]+$", "#");
                    cpu.merge(name, (after.ticks() - before.ticks()) * 1000 / CLOCK_TICKS, Long::sum);
                    wakeups.merge(name, after.switches() - before.switches(), Long::sum);
                });
                System.err.printf(Locale.ROOT, "  %-20s %9s %9s%n", "thread", "CPU", "wake-ups");
                cpu.entrySet().stream().filter(e -> e.getValue() > 0 || wakeups.get(e.getKey()) > checks / 10)
                        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> System.err.printf(Locale.ROOT, "  %-20s %6d ms %9d%n", e.getKey(), e.getValue(), wakeups.get(e.getKey())));
                System.err.printf(Locale.ROOT, "  %-20s %9s %9d (%.1f a check)%n", "all", "",
                        wakeups.values().stream().mapToLong(Long::longValue).sum(),
                        wakeups.values().stream().mapToLong(Long::longValue).sum() / checks);
            }
        } finally {
            board.destroy();
            target.stop(0);
        }
    }

    /** utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15). */
    private static long cpuTicks(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private record ThreadTicks(String name, long ticks, long switches) {
    }

    /** Every thread's name, utime + stime and voluntary context switches, by thread id. */
    private static java.util.Map<String, ThreadTicks> threadTicks(long pid) throws Exception {
        var threads = new java.util.HashMap<String, ThreadTicks>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (var task : tasks.toList()) {
                try {
                    var stat = Files.readString(task.resolve("stat"));
                    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long switches = Files.readAllLines(task.resolve("status")).stream()
                            .filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                            .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).sum();
                    threads.put(task.getFileName().toString(),
                            new ThreadTicks(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), switches));
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return threads;
    }

    private static long peakRssMb(long pid) throws Exception {
        for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Every check the board counted, from its own /metrics. */
    private static double checks(int port) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        double total = 0;
        for (var line : response.body().split("\n")) {
            if (line.startsWith("topowatch_checks_total{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
