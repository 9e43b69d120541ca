package dev.topowatch.checkers.command;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.CommandCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;

class CommandCheckerTest {
    private final CommandChecker checker = new CommandChecker(Clock.systemUTC());

    private CheckResult run(CommandCheck command, Duration timeout) {
        return checker.check(entity("job", EntityType.COMMAND, command), timeout);
    }

    private static CommandCheck argv(String... words) {
        return new CommandCheck(Arrays.stream(words).map(ConfigText::literal).toList(), false, 0, null);
    }

    private static CommandCheck shell(String script, int exitCode, String outputContains) {
        return new CommandCheck(List.of(ConfigText.literal(script)), true, exitCode,
                outputContains == null ? null : ConfigText.literal(outputContains));
    }

    @Test
    void a_command_that_succeeds_is_up_with_its_first_line_in_details() {
        var result = run(argv("printf", "\\nactive\\nsecond line\\n"), Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("output", "active").containsEntry("exit_code", "0");
    }

    @Test
    void arguments_are_not_given_to_a_shell() {
        var result = run(argv("echo", "$HOME; false"), Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("output", "$HOME; false");
    }

    @Test
    void an_unexpected_exit_code_is_down() {
        var result = run(shell("echo failed to connect >&2; exit 3", 0, null), Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("exit code 3, expected 0: failed to connect");
        assertThat(result.details()).containsEntry("output", "failed to connect");
    }

    @Test
    void a_failed_command_shows_the_end_of_its_output_bounded_printable_and_without_secrets() {
        var script = "echo starting; i=0; while [ $i -lt 500 ]; do echo noise line $i; i=$((i+1)); done;"
                + " printf 'backup of /srv failed:\\033[31m disk full\\n'; echo 'password=${PG_PASSWORD} rejected'; exit 2";
        var command = new CommandCheck(List.of(ConfigText.of(script, script.replace("${PG_PASSWORD}", "hunter2-secret"))), true, 0, null);

        var result = run(command, Duration.ofSeconds(5));

        assertThat(result.error()).isEqualTo("exit code 2, expected 0: noise line 499 | backup of /srv failed:?[31m disk full"
                + " | password=****** rejected");
        assertThat(result.error()).doesNotContain("starting").doesNotContain("hunter2");
        var longOutput = run(shell("head -c 2000 /dev/zero | tr '\\0' x; echo; exit 1", 0, null), Duration.ofSeconds(5));
        assertThat(longOutput.error()).startsWith("exit code 1, expected 0: ...xxx").hasSize("exit code 1, expected 0: ...".length() + 300);
    }

    @Test
    void an_expected_non_zero_exit_code_is_up() {
        assertThat(run(shell("exit 1", 1, null), Duration.ofSeconds(5)).status()).isEqualTo(Status.UP);
    }

    @Test
    void output_that_lacks_the_expected_text_is_down() {
        var result = run(shell("echo inactive", 0, "running"), Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("output does not contain 'running': inactive");
    }

    @Test
    void a_missing_program_is_command_not_found() {
        var result = run(argv("/nonexistent/topowatch-probe", "--version"), Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("command not found: /nonexistent/topowatch-probe");
    }

    @Test
    void a_command_that_ignores_sigterm_is_killed_with_its_children_at_the_timeout(@TempDir Path directory) throws Exception {
        var pids = directory.resolve("pids");
        var script = "trap '' TERM; sleep 30 & echo $$ $! > '" + pids + "'; wait";
        long started = System.nanoTime();

        var result = run(shell(script, 0, null), Duration.ofSeconds(1));
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("timeout after 1000 ms (killed)");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        var started2 = Files.readString(pids).strip().split(" ");
        for (var pid : started2) {
            assertThat(alive(Long.parseLong(pid))).as("process %s left running", pid).isFalse();
        }
    }

    @Test
    void a_flood_of_output_is_read_with_a_cap_and_judged() {
        long started = System.nanoTime();

        var result = run(shell("echo ready; head -c 50000000 /dev/zero | tr '\\0' x", 0, "ready"), Duration.ofSeconds(10));
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("output", "ready").containsEntry("output_truncated", "true");
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void a_value_from_the_environment_is_used_but_not_shown() {
        var command = new CommandCheck(List.of(ConfigText.of("echo token=${TOKEN}; exit 2", "echo token=s3cr3t-value; exit 2")),
                true, 0, null);

        var result = run(command, Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.toString()).doesNotContain("s3cr3t-value").contains("token=******");
    }

    /** Alive and not a zombie waiting for its parent (init here) to reap it. */
    private static boolean alive(long pid) throws Exception {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        var stat = Path.of("/proc", Long.toString(pid), "stat");
        return !Files.exists(stat) || !Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z");
    }
}
