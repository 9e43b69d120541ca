package dev.topowatch.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path directory;

    @Test
    void the_example_topology_is_valid_and_summarised() {
        var run = CliRun.of("validate", Path.of("..", "topology.yaml.example").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("topology.yaml.example: valid")
                .containsPattern("\\d+ entities \\(server 1, api \\d+, ping 1, tcp \\d+, dns 1, database \\d+, redis 1, command \\d+, heartbeat 1, group \\d+\\)")
                .contains("1 server")
                .containsPattern("\\d+ dependency edges");
    }

    @Test
    void every_error_is_printed_as_file_line_column_and_the_exit_status_is_1() throws IOException {
        var file = write("""
                entities:
                  api:
                    type: api
                    url: http://127.0.0.1:8080/
                    intervall: 30s
                  db:
                    type: tcp
                    host: 127.0.0.1
                    port: 70000
                """);

        var run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsSubsequence(
                file + ":5:5: entity 'api' (api): unknown key 'intervall' (did you mean 'interval'?)",
                file + ":9:11: entity 'db' (tcp): 'port' must be between 1 and 65535 (got '70000')",
                file + ": 2 errors, 0 warnings");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void warnings_are_printed_but_do_not_fail_validation() throws IOException {
        var file = write("""
                entities:
                  api:
                    type: tcp
                    host: 127.0.0.1
                    port: 80
                    interval: 5s
                    timeout: 10s
                """);

        var run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(file + ":7:14: warning: entity 'api' (tcp): timeout 10s is not shorter than interval 5s");
        assertThat(run.out()).contains("1 warning");
    }

    @Test
    void a_missing_file_is_one_clear_error() {
        var run = CliRun.of("validate", directory.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nope.yaml: no such file");
    }

    @Test
    void validate_without_a_file_is_a_usage_error() {
        var run = CliRun.of("validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }

    private Path write(String yaml) throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
