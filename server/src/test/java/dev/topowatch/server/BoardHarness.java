package dev.topowatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.HostPort;
import dev.topowatch.server.alerts.Channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** A whole board on port 0 with a temporary database and real checkers, and an HTTP client for it. */
final class BoardHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path file;
    final Path database;
    final Board board;
    final HttpClient http = HttpClient.newHttpClient();

    private BoardHarness(Path file, Path database, Board board) {
        this.file = file;
        this.database = database;
        this.board = board;
    }

    static BoardHarness start(Path directory, String yaml) throws Exception {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, yaml);
        return start(file, directory.resolve("board.db"));
    }

    static BoardHarness start(Path file, Path database) throws Exception {
        return start(file, database, Map.of());
    }

    /** With {@code environment} as what {@code ${VAR}} expands from. */
    static BoardHarness start(Path file, Path database, Map<String, String> environment) throws Exception {
        return start(file, database, environment, 0);
    }

    /** On a given port, e.g. to restart a board where a browser expects it. */
    static BoardHarness start(Path file, Path database, Map<String, String> environment, int port) throws Exception {
        return start(file, database, environment, port, Clock.systemUTC());
    }

    /** On a clock the test moves, for what depends on time passing (max_silence, rate limits). */
    static BoardHarness start(Path directory, String yaml, Clock clock) throws Exception {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, yaml);
        return start(file, directory.resolve("board.db"), Map.of(), 0, clock);
    }

    static BoardHarness start(Path file, Path database, Map<String, String> environment, int port, Clock clock) throws Exception {
        var loader = Channels.loader(environment);
        var topology = loader.load(file).orThrow();
        var store = SqliteStore.open(database, clock, topology.board().retention());
        var board = new Board(file, topology, new HostPort("127.0.0.1", port), store, loader, clock);
        return new BoardHarness(file, database, board);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + board.port() + path);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        var response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls one entity's JSON until it satisfies {@code condition}; real checks take a moment. */
    JsonNode awaitEntity(String name, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode entity = null;
        while (System.nanoTime() < deadline) {
            entity = json("/api/entities/" + name);
            if (condition.test(entity)) {
                return entity;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("entity " + name + " never got there; last seen: " + entity);
    }

    JsonNode awaitStatus(String name, String status) throws Exception {
        return awaitEntity(name, entity -> entity.get("status").asText().equals(status));
    }

    @Override
    public void close() {
        board.close();
    }
}
