package dev.topowatch.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    @TempDir
    Path directory;

    @Test
    void the_example_renders_as_svg_with_every_entity_unknown() throws IOException {
        var out = directory.resolve("board.svg");

        var run = CliRun.of("render", Path.of("..", "topology.yaml.example").toString(), "-o", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var svg = Files.readString(out);
        assertThat(svg).startsWith("<svg").contains("data-entity=\"postgres_main\"").contains("data-status=\"unknown\"")
                .doesNotContain("data-status=\"up\"");
    }

    @Test
    void dot_and_plantuml_go_to_standard_output() {
        var example = Path.of("..", "topology.yaml.example").toString();

        assertThat(CliRun.of("render", example, "--format", "dot").out()).startsWith("digraph topology {");
        assertThat(CliRun.of("render", example, "--format", "puml").out()).startsWith("@startuml");
    }

    @Test
    void statuses_come_from_a_boards_database() throws Exception {
        var database = directory.resolve("board.db");
        var clock = java.time.Clock.systemUTC();
        try (var store = dev.topowatch.server.store.SqliteStore.open(database, clock, java.time.Duration.ofDays(30))) {
            var state = new dev.topowatch.server.store.EntityState("postgres_main", dev.topowatch.topology.Status.DOWN,
                    clock.instant(), clock.instant(), 1, 5, 0, 5, 0, java.time.Duration.ofMillis(3), "connection refused",
                    false, "FFFFF", java.util.List.of(), java.util.List.of(), java.util.Map.of());
            store.recordTransition(new dev.topowatch.server.store.Transition(0, "postgres_main", dev.topowatch.topology.Status.UP,
                    dev.topowatch.topology.Status.DOWN, clock.instant(), "connection refused", java.util.List.of()), state);
        }

        var run = CliRun.of("render", Path.of("..", "topology.yaml.example").toString(), "--database", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("id=\"entity-postgres_main\"[^>]*data-status=\"down\"");
    }

    @Test
    void a_missing_database_is_a_usage_error() {
        var run = CliRun.of("render", Path.of("..", "topology.yaml.example").toString(), "--database", directory.resolve("no.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no database at");
    }
}
