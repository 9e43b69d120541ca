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

    /** A board's database in which the example's postgres_main went down. */
    private Path databaseWithPostgresDown() throws Exception {
        var database = directory.resolve("board.db");
        var clock = java.time.Clock.systemUTC();
        try (var store = dev.topowatch.server.store.SqliteStore.open(database, clock, java.time.Duration.ofDays(30))) {
            var state = new dev.topowatch.server.store.EntityState("postgres_main", dev.topowatch.topology.Status.DOWN,
                    clock.instant(), clock.instant(), 1, 5, 0, 5, 0, java.time.Duration.ofMillis(3), "connection refused",
                    false, "FFFFF", java.util.List.of(), java.util.List.of(), java.util.Map.of());
            store.recordTransition(new dev.topowatch.server.store.Transition(0, "postgres_main", dev.topowatch.topology.Status.UP,
                    dev.topowatch.topology.Status.DOWN, clock.instant(), "connection refused", java.util.List.of()), state);
        }
        return database;
    }

    @Test
    void statuses_come_from_a_boards_database() throws Exception {
        var database = databaseWithPostgresDown();

        var run = CliRun.of("render", Path.of("..", "topology.yaml.example").toString(), "--database", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("id=\"entity-postgres_main\"[^>]*data-status=\"down\"");
    }

    @Test
    void a_png_of_the_problems_view_is_written_at_the_window_size_asked_for() throws Exception {
        var database = databaseWithPostgresDown();
        var out = directory.resolve("problems.png");

        var run = CliRun.of("render", Path.of("..", "topology.yaml.example").toString(), "--format", "png", "--view", "problems",
                "--database", database.toString(), "--width", "640", "--height", "400", "-o", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var image = javax.imageio.ImageIO.read(out.toFile());
        assertThat(image).as("a PNG").isNotNull();
        assertThat(image.getWidth()).isLessThanOrEqualTo(640);
        assertThat(image.getHeight()).isLessThanOrEqualTo(400);
        assertThat(Math.max(image.getWidth() / 640.0, image.getHeight() / 400.0)).isGreaterThan(0.99);
    }

    @Test
    void an_unknown_focus_or_a_window_too_small_is_a_usage_error() {
        var example = Path.of("..", "topology.yaml.example").toString();

        var focus = CliRun.of("render", example, "--focus", "nope");
        var width = CliRun.of("render", example, "--width", "20");

        assertThat(focus.exitCode()).isEqualTo(2);
        assertThat(focus.err()).contains("--focus: no entity named 'nope'");
        assertThat(width.exitCode()).isEqualTo(2);
        assertThat(width.err()).contains("--width and --height");
    }

    @Test
    void a_project_renders_on_its_own_and_an_unknown_one_is_a_usage_error_naming_those_there_are() throws IOException {
        var topology = directory.resolve("topology.yaml");
        Files.writeString(topology, """
                entities:
                  shop-vps: {type: server, host: 127.0.0.1, check: none, project: shop}
                  shop-api: {type: tcp, server: shop-vps, host: 127.0.0.1, port: 1}
                  blog-web: {type: tcp, host: 127.0.0.1, port: 1, project: blog}
                """);

        var shop = CliRun.of("render", topology.toString(), "--project", "shop");
        var unknown = CliRun.of("render", topology.toString(), "--project", "nope");

        assertThat(shop.exitCode()).as(shop.err()).isZero();
        assertThat(shop.out()).contains("data-entity=\"shop-api\"").doesNotContain("blog-web");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--project: no project named 'nope' (projects: blog, shop)");
    }

    @Test
    void a_missing_database_is_a_usage_error() {
        var run = CliRun.of("render", Path.of("..", "topology.yaml.example").toString(), "--database", directory.resolve("no.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no database at");
    }
}
