package dev.topowatch.topology.load;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.HttpExpectation;
import dev.topowatch.topology.check.StatusPattern;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code type: api} (alias {@code http}). */
final class HttpSpecReader implements SpecReader {
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final Set<String> EXPECT_KEYS = Set.of("status", "body_contains", "body_regex", "json", "max_latency", "certificate_days");
    /** Far beyond any real expression; see {@link #expectation}. */
    static final int MAX_REGEX_LENGTH = 4096;
    private static final Pattern STATUS_CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);

    @Override
    public Set<String> keys() {
        return Set.of("url", "method", "headers", "body", "follow_redirects", "insecure", "expect", "capture");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("url");
        Urls.check(map, "url", Set.of("http", "https"));
        var headers = new LinkedHashMap<String, ConfigText>();
        map.scalarMap("headers").forEach((name, value) -> headers.put(name, value.text()));
        return new HttpCheck(
                Objects.requireNonNullElse(map.text("url"), ConfigText.literal("")),
                method(map),
                headers,
                map.text("body"),
                map.bool("follow_redirects", true),
                map.bool("insecure", false),
                expectation(map.map("expect")),
                captures(map));
    }

    private static String method(YamlMap map) {
        var scalar = map.scalar("method");
        if (scalar == null) {
            return "GET";
        }
        var method = scalar.value().strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            map.error(scalar.node(), map.field("method") + " must be one of " + String.join(", ", METHODS.stream().sorted().toList()) + " " + scalar.shown());
            return "GET";
        }
        return method;
    }

    private static HttpExpectation expectation(YamlMap expect) {
        if (expect == null) {
            return HttpExpectation.DEFAULT;
        }
        expect.rejectUnknown(EXPECT_KEYS, " in expect");
        var regex = expect.scalar("body_regex");
        if (regex != null && regex.value().length() > MAX_REGEX_LENGTH) {
            expect.error(regex.node(), expect.field("body_regex") + " is " + regex.value().length() + " characters long; at most "
                    + MAX_REGEX_LENGTH + " (Java compiles a long one in quadratic time: a 1 MiB expression took minutes)");
            regex = null;
        } else if (regex != null) {
            try {
                Pattern.compile(regex.value());
            } catch (PatternSyntaxException invalid) {
                expect.error(regex.node(), expect.field("body_regex") + " is not a valid regular expression: "
                        + invalid.getDescription() + " near index " + invalid.getIndex());
            }
        }
        var certificateDays = expect.has("certificate_days") ? expect.integer("certificate_days", 0, 0, 3650) : null;
        return new HttpExpectation(
                statuses(expect),
                expect.text("body_contains"),
                regex == null ? null : regex.value(),
                jsonExpectations(expect),
                expect.duration("max_latency", null, DefaultsReader.SHORTEST),
                certificateDays);
    }

    private static List<StatusPattern> statuses(YamlMap expect) {
        var scalars = expect.scalars("status", true);
        if (scalars.isEmpty()) {
            return HttpExpectation.DEFAULT.status();
        }
        var patterns = new ArrayList<StatusPattern>();
        for (var scalar : scalars) {
            var text = scalar.value().strip();
            var statusClass = STATUS_CLASS.matcher(text);
            if (statusClass.matches()) {
                patterns.add(StatusPattern.ofClass(Integer.parseInt(statusClass.group(1))));
            } else if (text.matches("\\d{3}") && Integer.parseInt(text) >= 100 && Integer.parseInt(text) <= 599) {
                patterns.add(StatusPattern.code(Integer.parseInt(text)));
            } else {
                expect.error(scalar.node(), expect.field("status") + " must be an HTTP status such as 200 or a class such as 2xx " + scalar.shown());
            }
        }
        return patterns.isEmpty() ? HttpExpectation.DEFAULT.status() : patterns;
    }

    private static Map<String, JsonNode> jsonExpectations(YamlMap expect) {
        var json = expect.map("json");
        if (json == null) {
            return Map.of();
        }
        var expected = new LinkedHashMap<String, JsonNode>();
        for (var pointer : json.keys()) {
            if (validPointer(json, pointer)) {
                var node = json.valueNode(pointer);
                if (YamlMap.isNull(node)) {
                    expected.put(pointer, JsonNodeFactory.instance.nullNode());
                } else {
                    var scalar = json.scalarOf(node, json.field(pointer));
                    if (scalar != null) {
                        expected.put(pointer, toJson(scalar));
                    }
                }
            }
        }
        return expected;
    }

    /** A YAML scalar as the JSON value it would be: 42 a number, true a boolean, the rest text. */
    private static JsonNode toJson(Scalar scalar) {
        var factory = JsonNodeFactory.instance;
        var tag = scalar.node().getTag();
        var value = scalar.value().strip();
        try {
            if (tag.equals(Tag.INT)) {
                return factory.numberNode(Long.parseLong(value));
            }
            if (tag.equals(Tag.FLOAT)) {
                return factory.numberNode(Double.parseDouble(value));
            }
        } catch (NumberFormatException notPlainDecimal) {
            return factory.textNode(scalar.value());
        }
        if (tag.equals(Tag.BOOL)) {
            return factory.booleanNode(Set.of("true", "yes", "on").contains(value.toLowerCase(Locale.ROOT)));
        }
        return factory.textNode(scalar.value());
    }

    private static Map<String, String> captures(YamlMap map) {
        var captures = new LinkedHashMap<String, String>();
        var capture = map.map("capture");
        if (capture == null) {
            return captures;
        }
        for (var key : capture.keys()) {
            var scalar = capture.scalar(key);
            if (scalar != null && validPointerValue(capture, key, scalar)) {
                captures.put(key, scalar.value());
            }
        }
        return captures;
    }

    private static boolean validPointer(YamlMap json, String pointer) {
        try {
            JsonPointer.compile(pointer);
            return true;
        } catch (IllegalArgumentException invalid) {
            json.error(json.keyNode(pointer), Scalar.quote(pointer) + " in " + json.name()
                    + " is not a JSON pointer: it must start with '/', such as /status or /items/0/name");
            return false;
        }
    }

    private static boolean validPointerValue(YamlMap capture, String key, Scalar scalar) {
        try {
            JsonPointer.compile(scalar.value());
            return true;
        } catch (IllegalArgumentException invalid) {
            capture.error(scalar.node(), capture.field(key) + " must be a JSON pointer starting with '/', such as /version " + scalar.shown());
            return false;
        }
    }
}
