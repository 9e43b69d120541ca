package dev.topowatch.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Every document of the yaml-test-suite (vendored in the topology module's test resources) and the
     * empty and null documents that once ended in a NullPointerException: exit 1, one located line per
     * error, never a stack trace and never exit 2.
     */
    @Test
    void every_yaml_test_suite_document_and_every_empty_document_exits_1_with_located_errors() throws IOException {
        var documents = new java.util.ArrayList<Path>();
        for (var kind : List.of("valid", "invalid")) {
            try (var files = Files.list(Path.of("..", "topology", "src", "test", "resources", "yaml-test-suite", kind))) {
                documents.addAll(files.sorted().toList());
            }
        }
        assertThat(documents).hasSize(402);
        var empties = List.of("", "---\n", "~\n", "%YAML 1.2\n---\n", "!foo\n", "--- !!map\n", "null", "alerts: {webhooks: [~]}\n");
        for (int i = 0; i < empties.size(); i++) {
            documents.add(Files.writeString(directory.resolve("empty-" + i + ".yaml"), empties.get(i)));
        }
        for (var document : documents) {
            var run = CliRun.of("validate", document.toString());

            assertThat(run.exitCode()).as(document + "\n" + run.err()).isEqualTo(1);
            assertThat(run.err()).as(document.toString()).doesNotContain("Exception").doesNotContain("\tat ")
                    .startsWith(document + ":");
            assertThat(run.err().lines()).as(document.toString()).allSatisfy(line -> assertThat(line).startsWith(document + ":"));
        }
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
    void included_files_are_validated_with_the_topology_and_their_errors_located_in_them() throws IOException {
        var teams = Files.createDirectories(directory.resolve("teams"));
        var shop = Files.writeString(teams.resolve("shop.yaml"), "project: shop\nentities:\n  shop_api: {type: tcp, host: 127.0.0.1, port: 1}\n");
        Files.writeString(teams.resolve("blog.yaml"), "project: blog\nentities:\n  blog: {type: tcp, host: 127.0.0.1, port: 2}\n");
        var file = write("include: teams/*.yaml\nentities:\n  db: {type: tcp, host: 127.0.0.1, port: 3}\n");

        var valid = CliRun.of("validate", file.toString());
        Files.writeString(shop, "project: shop\nentities:\n  shop_api: {type: tcp, host: 127.0.0.1, prot: 1}\n");
        var invalid = CliRun.of("validate", file.toString());

        assertThat(valid.exitCode()).isZero();
        assertThat(valid.out()).contains("3 entities (tcp 3)").contains("entities per project: blog 1, shop 1");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains(shop + ":3:42: entity 'shop_api' (tcp): unknown key 'prot' (did you mean 'port'?)");
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
