package dev.topowatch.checkers.ping;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.checkers.internal.Processes;
import dev.topowatch.checkers.internal.Redactor;
import dev.topowatch.checkers.internal.Stopwatch;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.PingCheck;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code type: ping}: ICMP echo through the system's {@code ping} (which has the privilege to send
 * ICMP that a JVM usually lacks); {@link InetAddress#isReachable} when there is none. Which one ran is
 * in the result's {@code method} detail: {@code icmp} or {@code isReachable}.
 */
public final class PingChecker implements Checker {
    private static final Pattern LOSS = Pattern.compile("(\\d+(?:\\.\\d+)?)% packet loss");
    /** iputils: {@code rtt min/avg/max/mdev = ...}; busybox: {@code round-trip min/avg/max = ...}. */
    private static final Pattern RTT = Pattern.compile("= *([\\d.]+)/([\\d.]+)/([\\d.]+)(?:/[\\d.]+)? *ms");
    private static final int OUTPUT_CAP = 64 * 1024;

    private final Clock clock;
    private final Optional<Path> binary;

    /** Uses the {@code ping} found on the {@code PATH} or in the usual places, if any. */
    public PingChecker(Clock clock) {
        this(clock, findPing());
    }

    /** Uses {@code binary}, or {@link InetAddress#isReachable} when empty. */
    public PingChecker(Clock clock, Optional<Path> binary) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.binary = Objects.requireNonNull(binary, "binary");
    }

    /** The system's ping binary, if there is one. */
    public static Optional<Path> findPing() {
        var path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/bin", "/usr/bin", "/sbin", "/usr/sbin"))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "ping"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof PingCheck ping)) {
            throw new IllegalArgumentException("not a ping entity: " + entity.name());
        }
        return ping(ping.host(), ping.count(), timeout);
    }

    /** Pings {@code host} {@code count} times; also the {@code ping} probe of a server. */
    public CheckResult ping(ConfigText host, int count, Duration timeout) {
        var watch = Stopwatch.start(clock);
        var name = host.value().strip();
        if (name.isEmpty() || name.startsWith("-")) {
            // A host such as "-f" would be read by ping as an option.
            return CheckResult.down(watch.at(), watch.elapsed(), "not a valid host: " + host).withDetail("target", host.toString());
        }
        var result = binary.isPresent()
                ? icmp(binary.get(), name, host, count, timeout, watch)
                : isReachable(name, host, timeout, watch);
        return result.withDetail("target", host.toString());
    }

    private CheckResult icmp(Path ping, String name, ConfigText host, int count, Duration timeout, Stopwatch watch) {
        var command = new ArrayList<>(List.of(ping.toString(), "-n", "-c", Integer.toString(count)));
        if (count > 1) {
            // The shortest interval ping allows without root, so that several packets fit the timeout.
            command.addAll(List.of("-i", "0.2"));
        }
        // ping's own deadline, in whole seconds; the hard limit below is the one that counts.
        command.addAll(List.of("-w", Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000)), name));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.DISCARD.file()).start();
        } catch (IOException cannotRun) {
            return isReachable(name, host, timeout, watch).withDetail("icmp_unavailable", "cannot run " + ping);
        }
        var output = Processes.readCapped(process.getInputStream(), OUTPUT_CAP);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.killTree(process);
                return CheckResult.down(watch.at(), watch.elapsed(), Failures.timeout(timeout)).withDetail("method", "icmp");
            }
        } catch (InterruptedException interrupted) {
            Processes.killTree(process);
            Thread.currentThread().interrupt();
            return CheckResult.down(watch.at(), watch.elapsed(), Failures.timeout(timeout)).withDetail("method", "icmp");
        }
        var elapsed = watch.elapsed();
        var text = Redactor.of(host).clean(Processes.collect(output).text());
        var lower = text.toLowerCase(Locale.ROOT);
        if (process.exitValue() > 1 && (lower.contains("operation not permitted") || lower.contains("permission denied"))) {
            // A ping without the right to open an ICMP socket here: the JDK's probe is better than nothing.
            return isReachable(name, host, timeout, watch).withDetail("icmp_unavailable", "ping is not permitted");
        }
        return judge(text, process.exitValue(), count, elapsed, watch, host);
    }

    private CheckResult judge(String text, int exitCode, int count, Duration elapsed, Stopwatch watch, ConfigText host) {
        var lower = text.toLowerCase(Locale.ROOT);
        var loss = LOSS.matcher(text);
        var rtt = RTT.matcher(text);
        Duration latency = elapsed;
        String average = null;
        if (rtt.find()) {
            average = rtt.group(2);
            latency = Duration.ofNanos(Math.round(Double.parseDouble(average) * 1_000_000));
        }
        CheckResult result;
        if (loss.find()) {
            double lost = Double.parseDouble(loss.group(1));
            var percent = loss.group(1) + "%";
            if (lost >= 100) {
                result = CheckResult.down(watch.at(), elapsed, count == 1 ? "no reply to ping" : "no reply to " + count + " pings");
            } else if (lost > 0) {
                result = CheckResult.degraded(watch.at(), latency, percent + " packet loss");
            } else {
                result = CheckResult.up(watch.at(), latency);
            }
            result = result.withDetail("packet_loss", percent);
        } else if (lower.contains("name or service not known") || lower.contains("unknown host")
                || lower.contains("temporary failure in name resolution") || lower.contains("bad address")) {
            result = CheckResult.down(watch.at(), elapsed, "cannot resolve host " + host);
        } else {
            var line = new Processes.Output(text, false).firstLine();
            result = CheckResult.down(watch.at(), elapsed, "ping failed with exit code " + exitCode
                    + (line.isEmpty() ? "" : ": " + line));
        }
        if (average != null) {
            result = result.withDetail("rtt_avg_ms", average);
        }
        return result.withDetail("method", "icmp");
    }

    private CheckResult isReachable(String name, ConfigText host, Duration timeout, Stopwatch watch) {
        CheckResult result;
        try {
            var address = InetAddress.getByName(name);
            if (address.isReachable(Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE))) {
                result = CheckResult.up(watch.at(), watch.elapsed());
            } else {
                result = CheckResult.down(watch.at(), watch.elapsed(), "no reply within " + timeout.toMillis() + " ms");
            }
        } catch (IOException failure) {
            result = CheckResult.down(watch.at(), watch.elapsed(), Failures.describe(failure, timeout, Redactor.of(host)));
        }
        return result.withDetail("method", "isReachable");
    }
}
