package dev.topowatch.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void version_names_the_program_and_the_java_it_runs_on() {
        var run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("topowatch ").contains("Java " + Runtime.version().feature());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "validate", "check", "render"})
    void every_command_has_help(String command) {
        var run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: topowatch " + command);
    }

    @Test
    void no_command_is_a_usage_error_that_names_the_commands() {
        var run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("serve").contains("validate");
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        var run = CliRun.of("srve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("srve");
    }
}
