package dev.topowatch.server.reload;

import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.topology.Topology;
import dev.topowatch.server.alerts.Channels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyReloaderTest {
    private static final String VALID = """
            entities:
              web: {type: tcp, host: 127.0.0.1, port: 80}
            """;

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-03-03T06:00:00Z");
    private final List<Topology> applied = new ArrayList<>();
    private final List<List<String>> reported = new ArrayList<>();

    private TopologyReloader reloader(Path file) {
        var loader = Channels.loader(Map.of());
        var initial = loader.load(file).orThrow();
        return new TopologyReloader(file, initial, loader, applied::add, reported::add, clock);
    }

    private Path write(String yaml) throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void a_valid_edit_is_applied_as_a_new_version() throws IOException {
        var file = write(VALID);
        var reloader = reloader(file);
        clock.advance(Duration.ofMinutes(1));

        write(VALID + "  db: {type: tcp, host: 127.0.0.1, port: 5432}\n");
        var state = reloader.reload();

        assertThat(applied).singleElement().satisfies(topology -> assertThat(topology.entities()).containsKeys("web", "db"));
        assertThat(state.version()).isEqualTo(2);
        assertThat(state.loadedAt()).isEqualTo(clock.instant());
        assertThat(state.errors()).isEmpty();
    }

    @Test
    void an_invalid_edit_keeps_the_last_good_topology_and_reports_its_errors_once() throws IOException {
        var file = write(VALID);
        var reloader = reloader(file);

        write(VALID + "  db: {type: tpc, host: 127.0.0.1, port: 5432}\n");
        reloader.reload();
        var state = reloader.reload();

        assertThat(applied).isEmpty();
        assertThat(state.topology().entities()).containsOnlyKeys("web");
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.errors()).containsExactly(file + ":3:14: entity 'db': unknown type 'tpc' (did you mean 'tcp'?)");
        assertThat(reported).hasSize(1);
    }

    @Test
    void fixing_the_file_clears_the_errors() throws IOException {
        var file = write(VALID);
        var reloader = reloader(file);
        write("entities: [");
        reloader.reload();

        write(VALID + "  db: {type: tcp, host: 127.0.0.1, port: 5432}\n");
        var state = reloader.reload();

        assertThat(state.errors()).isEmpty();
        assertThat(state.topology().entities()).containsKey("db");
    }

    @Test
    void an_edit_that_changes_nothing_is_not_a_new_version() throws IOException {
        var file = write(VALID);
        var reloader = reloader(file);

        write("# a comment\n" + VALID);
        var state = reloader.reload();

        assertThat(applied).isEmpty();
        assertThat(state.version()).isEqualTo(1);
    }
}
