package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.DotLayoutEngine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Graphviz's own {@code dot} run on text we wrote: what someone who downloads /diagram.dot gets. */
final class GraphvizCli {

    record Result(int exitCode, String output, String errors) {
    }

    private GraphvizCli() {
    }

    /** The binary, or the test is skipped here (CI installs Debian's graphviz, and there it must be present). */
    static Path dot() {
        var binary = DotLayoutEngine.find();
        if (binary.isEmpty()) {
            assertThat(System.getenv("CI")).as("dot is missing; CI installs Debian's graphviz").isNotEqualTo("true");
            org.junit.jupiter.api.Assumptions.abort("no dot binary here");
        }
        return binary.get();
    }

    static Result run(String source, String format) throws Exception {
        var process = new ProcessBuilder(dot().toString(), "-T" + format).start();
        try (var input = process.getOutputStream()) {
            input.write(source.getBytes(StandardCharsets.UTF_8));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dot finished").isTrue();
        return new Result(process.exitValue(), output, errors);
    }
}
