package dev.topowatch.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the programs the packaging is built and checked with, and says when one is missing. */
final class Commands {

    /** What a command printed (standard output and error together) and how it ended. */
    record Result(int exit, String output) {
    }

    private Commands() {
    }

    /** Runs {@code command} in {@code directory} with the environment changed by {@code environment} (a null value removes). */
    static Result run(List<String> command, Path directory, Map<String, String> environment) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        var process = changed(builder, environment).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ended", command).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** {@code builder} with its environment changed by {@code environment}: a null value removes the variable. */
    static ProcessBuilder changed(ProcessBuilder builder, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder;
    }

    static Result run(String... command) throws IOException, InterruptedException {
        return run(List.of(command), Path.of("."), Map.of());
    }

    /** The program's path on the PATH; a test without it is skipped, or fails under CI=true (CI installs it). */
    static Path need(String program, String from) {
        var found = onPath(program);
        if (found == null) {
            assertThat(System.getenv("CI")).as("%s is missing; CI installs %s", program, from).isNotEqualTo("true");
            assumeTrue(false, program + " is missing here (" + from + ")");
        }
        return found;
    }

    static Path onPath(String program) {
        for (var directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            var candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
