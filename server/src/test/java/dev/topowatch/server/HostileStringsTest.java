package dev.topowatch.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.topowatch.server.alerts.Alert;
import dev.topowatch.server.alerts.AlertKind;
import dev.topowatch.server.alerts.telegram.TelegramText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strings a target may send (markup, quotes, newlines, NUL, right-to-left overrides, 10 kB) captured
 * into {@code extra} and checked at every output: the JSON API gives them back exactly, the SVG
 * parses as strict XML with nothing executable in it, Graphviz reads the DOT export, and a Telegram
 * message keeps them as text.
 */
@Tag("slow")
class HostileStringsTest {
    static final List<String> CORPUS = List.of(
            "<script>alert(1)</script>",
            "\"quotes\" & 'apostrophes' <b>bold</b>",
            "line one\nline two\r\nline three\ttab",
            "nul\u0000byte and bell\u0007",
            "right\u202Eto left \u200F mark",
            "emoji 🔥 and ümlauts",
            "]]> <!-- --> <![CDATA[ x ]]> &amp; &#0;",
            "x".repeat(10_000));
    static final ObjectMapper JSON = new ObjectMapper();
    static final int LONGEST_CAPTURE = 200;

    @TempDir
    Path directory;
    private HttpServer target;
    private BoardHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (target != null) {
            target.stop(0);
        }
    }

    @Test
    void hostile_values_round_trip_through_json_and_stay_inert_in_svg_dot_and_telegram() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (int i = 0; i < CORPUS.size(); i++) {
            var body = JSON.writeValueAsBytes(Map.of("v", CORPUS.get(i)));
            target.createContext("/" + i, exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        target.start();
        var yaml = new StringBuilder("defaults: {interval: 1s, timeout: 2s}\nentities:\n");
        for (int i = 0; i < CORPUS.size(); i++) {
            yaml.append("  e").append(i).append(": {type: api, url: \"http://127.0.0.1:").append(target.getAddress().getPort())
                    .append('/').append(i).append("\", capture: {v: /v}, extra: {w: ").append(JSON.writeValueAsString(CORPUS.get(i)))
                    .append("}}\n");
        }
        harness = BoardHarness.start(directory, yaml.toString());

        for (int i = 0; i < CORPUS.size(); i++) {
            var entity = harness.awaitEntity("e" + i, json -> json.path("extra").has("v"));
            var value = CORPUS.get(i);
            // A check keeps at most LONGEST_CAPTURE characters of a captured value, marked as cut.
            var expected = value.length() > LONGEST_CAPTURE ? value.substring(0, LONGEST_CAPTURE) + "..." : value;
            assertThat(entity.get("extra").get("v").asText()).as("e%d through JSON", i).isEqualTo(expected);
            // The same string written in the topology file itself (YAML takes JSON's escapes).
            assertThat(entity.get("extra").get("w").asText()).as("e%d static extra", i).isEqualTo(value);
        }

        var svg = harness.get("/diagram.svg").body();
        var document = strictXml(svg);
        var elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            var element = (Element) elements.item(i);
            assertThat(element.getLocalName() == null ? element.getTagName() : element.getLocalName())
                    .isNotIn("script", "foreignObject", "iframe", "image", "img");
            var attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                assertThat(attributes.item(a).getNodeName()).doesNotStartWith("on");
                assertThat(attributes.item(a).getNodeValue()).doesNotStartWithIgnoringCase("javascript:");
            }
        }
        assertThat(document.getDocumentElement().getTextContent()).contains("<script>alert(1)</script>");

        var dot = harness.get("/diagram.dot").body();
        var dotFile = Files.writeString(directory.resolve("board.dot"), dot);
        if (DotOnPath.present()) {
            var process = new ProcessBuilder("dot", "-Tsvg", dotFile.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("board.svg").toFile()).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(directory.resolve("board.svg"))).isZero();
        }

        for (var hostile : CORPUS) {
            var alert = Alert.problem(AlertKind.DOWN, "e0", "api", "up", Instant.EPOCH, hostile, List.of());
            var text = new TelegramText(Map.of(), "http://board.example").render(alert);
            var markup = text.replaceAll("</?b>|</?code>|<a href=\"[^\"<>]*\">|</a>", "");
            assertThat(markup).as("Telegram HTML for %s", hostile.length() > 40 ? hostile.substring(0, 40) : hostile)
                    .doesNotContain("<").doesNotContain("\u0000");
            assertThat(text.length()).isLessThan(TelegramText.MAX_LENGTH);
        }
    }

    private static org.w3c.dom.Document strictXml(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Graphviz comes from Debian's package in CI; on a laptop without it the DOT check is left out. */
    static final class DotOnPath {
        static boolean present() {
            var found = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, "dot")));
            if (!found && "true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but Graphviz's dot is not on PATH");
            }
            return found;
        }
    }
}
