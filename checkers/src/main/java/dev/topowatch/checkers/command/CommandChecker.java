package dev.topowatch.checkers.command;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.checkers.internal.Processes;
import dev.topowatch.checkers.internal.Redactor;
import dev.topowatch.checkers.internal.Stopwatch;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.check.CommandCheck;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code type: command}: runs a program on the board's machine, no shell unless {@code shell: true}
 * (then {@code sh -c}). Up when it exits with the expected code and, if asked, its output contains
 * the expected text. On timeout the process and everything it started is killed.
 */
public final class CommandChecker implements Checker {
    /** Output kept for judging; the rest is read and dropped, so a chatty command costs no memory. */
    public static final int OUTPUT_CAP = 64 * 1024;
    /** How much of the end of its output a failed command's error shows: enough for the message that says why. */
    static final int TAIL_LINES = 3;
    static final int TAIL_LENGTH = 300;

    private final Clock clock;

    public CommandChecker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof CommandCheck command)) {
            throw new IllegalArgumentException("not a command entity: " + entity.name());
        }
        var watch = Stopwatch.start(clock);
        var redactor = Redactor.forEntity(entity);
        var argv = command.shell()
                ? List.of("sh", "-c", command.argv().getFirst().value())
                : command.argv().stream().map(ConfigText::value).toList();
        var shown = command.argv().getFirst().toString();
        Process process;
        try {
            process = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    // A command that reads its input must see the end of it, not wait for us.
                    .redirectInput(ProcessBuilder.Redirect.DISCARD.file())
                    .start();
        } catch (IOException | RuntimeException cannotRun) {
            // The wording differs between JDKs ("error=2, No such file..." or "error: 2 (No such file...)").
            var message = Objects.requireNonNullElse(cannotRun.getMessage(), "");
            var why = message.contains("No such file") ? "command not found: " + shown
                    : message.contains("Permission denied") ? "command is not executable: " + shown
                    : "cannot run " + shown + ": " + Failures.unexpected(cannotRun, redactor);
            return CheckResult.down(watch.at(), watch.elapsed(), why);
        }
        var output = Processes.readCapped(process.getInputStream(), OUTPUT_CAP);
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            // The scheduler's deadline: the process must not outlive its check either way.
            Processes.killTree(process);
            Thread.currentThread().interrupt();
            return CheckResult.down(watch.at(), watch.elapsed(), Failures.timeout(timeout) + " (killed)");
        }
        if (!finished) {
            Processes.killTree(process);
            var partial = Processes.collect(output);
            return withOutput(CheckResult.down(watch.at(), watch.elapsed(), Failures.timeout(timeout) + " (killed)"),
                    partial, redactor);
        }
        var elapsed = watch.elapsed();
        // Whatever the command left running in the background is not ours to keep alive.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        var printed = Processes.collect(output);
        int exitCode = process.exitValue();
        CheckResult result;
        if (exitCode != command.expectExitCode()) {
            result = CheckResult.down(watch.at(), elapsed, "exit code " + exitCode + ", expected " + command.expectExitCode()
                    + tail(printed, redactor));
        } else if (command.outputContains() != null && !printed.text().contains(command.outputContains().value())) {
            result = CheckResult.down(watch.at(), elapsed, "output does not contain '" + command.outputContains() + "'"
                    + (printed.truncated() ? " (first " + OUTPUT_CAP / 1024 + " KiB read)" : "") + tail(printed, redactor));
        } else {
            result = CheckResult.up(watch.at(), elapsed);
        }
        return withOutput(result.withDetail("exit_code", Integer.toString(exitCode)), printed, redactor);
    }

    /**
     * The end of what a failed command printed, as {@code ": line | line"}: its last lines, secrets
     * hidden before anything is cut (so that no part of one shows), then at most {@link #TAIL_LENGTH}
     * printable characters from the end; empty when it printed nothing.
     */
    static String tail(Processes.Output output, Redactor redactor) {
        var lines = redactor.clean(output.text()).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        var joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        var end = joined.length() > TAIL_LENGTH ? "..." + joined.substring(joined.length() - TAIL_LENGTH) : joined;
        return ": " + Failures.printable(end, TAIL_LENGTH + 3);
    }

    private static CheckResult withOutput(CheckResult result, Processes.Output output, Redactor redactor) {
        var line = redactor.clean(output.firstLine());
        var withLine = line.isEmpty() ? result : result.withDetail("output", line);
        return output.truncated() ? withLine.withDetail("output_truncated", "true") : withLine;
    }
}
