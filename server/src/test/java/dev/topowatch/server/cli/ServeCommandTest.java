package dev.topowatch.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    @TempDir
    Path directory;

    @Test
    void command_line_options_override_the_board_settings() {
        var topology = dev.topowatch.server.testing.Topologies.parse("""
                board:
                  listen: 127.0.0.1:9999
                  database: board.db
                entities:
                  web: {type: tcp, host: 127.0.0.1, port: 80}
                """);
        var command = new ServeCommand();
        var commandLine = new picocli.CommandLine(command);

        commandLine.parseArgs("topology.yaml", "--listen", "[::1]:8181", "--database", "/var/lib/tw.db");
        assertThat(command.address(topology)).hasToString("[::1]:8181");
        assertThat(command.databasePath(topology)).isEqualTo(Path.of("/var/lib/tw.db"));

        commandLine.parseArgs("topology.yaml");
        assertThat(command.address(topology)).hasToString("127.0.0.1:9999");
        assertThat(command.databasePath(topology).getFileName()).hasToString("board.db");
    }

    @Test
    void an_invalid_topology_is_not_served() throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, "entities:\n  web:\n    type: tpc\n");

        var run = CliRun.of("serve", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":3:11: entity 'web': unknown type 'tpc' (did you mean 'tcp'?)");
    }

    @Test
    void a_malformed_listen_option_is_a_usage_error() throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, "entities: {}\n");

        var run = CliRun.of("serve", file.toString(), "--listen", "localhost", "--database", directory.resolve("x.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--listen must be HOST:PORT");
    }

    @Test
    void a_database_in_a_folder_that_does_not_exist_is_refused_and_nothing_is_created() throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, "entities: {}\n");
        var missing = directory.resolve("does").resolve("not").resolve("exist");

        var run = CliRun.of("serve", file.toString(), "--listen", "127.0.0.1:0", "--database", missing.resolve("x.db").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cannot start: the database's folder " + missing + " does not exist");
        assertThat(directory.resolve("does")).doesNotExist();
    }
}
