package dev.topowatch.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document lists every status the board answers: each operation it describes is called
 * without a token, with a wrong one, with the read and the board token, for a known and an unknown
 * name, with each documented parameter given nonsense, and every status that came back must be among
 * that operation's documented responses.
 */
@Tag("slow")
class OpenApiStatusesTest {
    private static final List<String> NONSENSE = List.of("-5", "x", "", "99999999999999999999", "2026-13-45T99:99:99Z", "%00");

    @TempDir
    Path directory;

    private BoardHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = BoardHarness.start(directory, """
                board: {token: wr1te, read_token: r3ad}
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                  beat: {type: heartbeat, max_silence: 1h, token: b3at}
                """);
        // A down root, so that the problems view and the focus on it draw something.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!harness.get("/api/entities/db", "Authorization", "Bearer r3ad").body().contains("\"status\":\"down\"")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void every_status_the_board_answers_is_documented_for_its_operation() throws Exception {
        var document = harness.get("/openapi.json", "Authorization", "Bearer r3ad").body();
        var paths = BoardHarness.JSON.readTree(document).get("paths");
        var undocumented = new TreeMap<String, TreeSet<Integer>>();
        var seen = new TreeMap<String, TreeSet<Integer>>();
        for (var path : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) paths::fields) {
            for (var method : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) path.getValue()::fields) {
                var operation = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                var documented = new TreeSet<String>();
                method.getValue().get("responses").fieldNames().forEachRemaining(documented::add);
                for (var status : walk(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue())) {
                    seen.computeIfAbsent(operation, key -> new TreeSet<>()).add(status);
                    if (!documented.contains(String.valueOf(status))) {
                        undocumented.computeIfAbsent(operation, key -> new TreeSet<>()).add(status);
                    }
                }
            }
        }
        assertThat(undocumented).as("answered but not documented; all answered: %s", seen).isEmpty();
        assertThat(seen.get("GET /diagram.svg")).as("the walk reaches the errors").contains(200, 400, 401, 404);
    }

    /** The statuses of every call the walk makes to one operation. */
    private List<Integer> walk(String method, String template, com.fasterxml.jackson.databind.JsonNode operation) throws Exception {
        var queries = new ArrayList<String>();
        queries.add("");
        for (var parameter : operation.path("parameters")) {
            if (parameter.get("in").asText().equals("query")) {
                for (var value : NONSENSE) {
                    queries.add(parameter.get("name").asText() + "=" + value);
                }
            }
        }
        if (template.startsWith("/diagram")) {
            queries.add("focus=db&depth=-5");
            queries.add("focus=nope");
            queries.add("tile=nope");
        }
        if (template.equals("/api/maintenance")) {
            queries.add("entity=db&minutes=5");
            queries.add("entity=nope&minutes=5");
        }
        var statuses = new ArrayList<Integer>();
        for (var name : List.of("db", "beat", "nope")) {
            var path = template.replace("{name}", name).replace("{file}", name + ".svg");
            for (var query : queries) {
                for (var token : java.util.Arrays.asList(null, "wrong", "r3ad", "wr1te", "b3at")) {
                    statuses.add(call(method, path + (query.isEmpty() ? "" : "?" + query), token));
                }
            }
            if (!template.contains("{")) {
                break;
            }
        }
        return statuses;
    }

    private int call(String method, String pathAndQuery, String token) throws Exception {
        var request = HttpRequest.newBuilder(harness.uri(encodeQuery(pathAndQuery)))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30))
                .header("Accept", pathAndQuery.startsWith("/api/stream") ? "text/event-stream" : "*/*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = harness.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static String encodeQuery(String pathAndQuery) {
        var question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return pathAndQuery;
        }
        var encoded = new ArrayList<String>();
        for (var pair : pathAndQuery.substring(question + 1).split("&")) {
            var equals = pair.indexOf('=');
            encoded.add(pair.substring(0, equals + 1) + URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return pathAndQuery.substring(0, question + 1) + String.join("&", encoded);
    }
}
