package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One YAML mapping being read: typed access to its values, each failure reported at the value's own
 * line and column, duplicate keys refused (the last one is never silently kept), YAML merge keys
 * ({@code <<: *defaults}) honoured with explicit keys winning.
 */
final class YamlMap {
    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    private final Reading reading;
    private final String context;
    private final String prefix;
    private final Node anchor;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Reading reading, List<NodeTuple> tuples, String context, String prefix, Node anchor) {
        this.reading = reading;
        this.context = context;
        this.prefix = prefix;
        this.anchor = anchor;
        collect(tuples, true);
    }

    private YamlMap(YamlMap same, String context) {
        this.reading = same.reading;
        this.context = context;
        this.prefix = same.prefix;
        this.anchor = same.anchor;
        this.entries.putAll(same.entries);
    }

    /** The same mapping, its messages starting with {@code context} instead (read once, reported once). */
    YamlMap withContext(String context) {
        return new YamlMap(this, context);
    }

    /**
     * The node as a mapping (an empty value reads as an empty mapping), or null after reporting an
     * error when it is something else.
     *
     * @param context what the messages start with, such as {@code entity 'api' (api)}; may be empty
     * @param anchor  where "missing key" errors point (usually the key that holds this mapping)
     */
    static YamlMap of(Reading reading, Node node, String context, String what, Node anchor) {
        if (node instanceof MappingNode mapping) {
            return new YamlMap(reading, mapping.getValue(), context, "", anchor);
        }
        if (isNull(node)) {
            return new YamlMap(reading, List.of(), context, "", anchor);
        }
        reading.problems.error(node, join(context, what + " must be a mapping of key: value, not " + Reading.describe(node)));
        return null;
    }

    /** A mapping handed out whole (a channel's section), its fields named {@code prefix + key}. */
    static YamlMap section(Reading reading, MappingNode mapping, String prefix, Node anchor) {
        return new YamlMap(reading, mapping.getValue(), "", prefix, anchor);
    }

    /** A list item that must be a mapping: as {@link #of}, but an empty item is an error, not an empty mapping. */
    static YamlMap item(Reading reading, Node node, String context, String what) {
        if (isNull(node)) {
            reading.problems.error(node, join(context, what + " must be a mapping of key: value, not empty"));
            return null;
        }
        return of(reading, node, context, what, node);
    }

    private void collect(List<NodeTuple> tuples, boolean explicit) {
        var merges = new ArrayList<Node>();
        for (var tuple : tuples) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                reading.problems.error(tuple.getKeyNode(), where("keys must be plain words, not " + Reading.describe(tuple.getKeyNode())));
                continue;
            }
            if (isMergeKey(key)) {
                merges.add(tuple.getValueNode());
                continue;
            }
            var previous = entries.get(key.getValue());
            if (previous == null) {
                entries.put(key.getValue(), tuple);
            } else if (explicit) {
                var firstLine = previous.getKeyNode().getStartMark().map(mark -> " (first defined at line " + (mark.getLine() + 1) + ")");
                reading.problems.error(key, where("duplicate key " + Scalar.quote(prefix + key.getValue()) + firstLine.orElse("")));
            }
        }
        for (var merge : merges) {
            if (merge instanceof MappingNode mapping) {
                collect(mapping.getValue(), false);
            } else if (merge instanceof SequenceNode sequence) {
                sequence.getValue().stream().filter(MappingNode.class::isInstance)
                        .forEach(item -> collect(((MappingNode) item).getValue(), false));
            } else {
                reading.problems.error(merge, where("'<<' must merge a mapping or a list of mappings"));
            }
        }
    }

    /**
     * YAML 1.2 dropped merge keys from the spec, but topologies use them ({@code <<: *common}): a plain
     * {@code <<} still merges, while a quoted {@code "<<"} is an ordinary key.
     */
    private static boolean isMergeKey(ScalarNode key) {
        return key.getTag().equals(Tag.MERGE) || key.isPlain() && key.getValue().equals("<<");
    }

    String context() {
        return context;
    }

    Node anchor() {
        return anchor;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node valueNode(String key) {
        var tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    Node keyNode(String key) {
        var tuple = entries.get(key);
        return tuple == null ? anchor : tuple.getKeyNode();
    }

    /** Keys in the order written. */
    Collection<String> keys() {
        return entries.keySet();
    }

    /** This nested mapping's own name as messages show it: {@code 'expect.json'}. */
    String name() {
        return "'" + prefix.substring(0, Math.max(0, prefix.length() - 1)) + "'";
    }

    /** The field's name as messages show it: {@code 'expect.status'}. */
    String field(String key) {
        return "'" + prefix + key + "'";
    }

    void error(Node at, String message) {
        reading.problems.error(at, where(message));
    }

    void warning(Node at, String message) {
        reading.problems.warning(at, where(message));
    }

    /** Reports every required key that is missing, at this mapping's anchor. */
    boolean require(String... keys) {
        boolean all = true;
        for (var key : keys) {
            if (!has(key) || isNull(valueNode(key))) {
                error(anchor, "missing required key " + field(key));
                all = false;
            }
        }
        return all;
    }

    /** Reports every key not in {@code allowed}, with the nearest allowed one or else the whole list. */
    void rejectUnknown(Collection<String> allowed, String whatFor) {
        for (var key : entries.keySet()) {
            if (allowed.contains(key)) {
                continue;
            }
            var hint = Suggestions.closest(key, allowed)
                    .map(near -> "did you mean " + Scalar.quote(near) + "?")
                    .orElse("allowed" + whatFor + ": " + String.join(", ", new TreeSet<>(allowed)));
            error(entries.get(key).getKeyNode(), "unknown key " + Scalar.quote(prefix + key) + " (" + hint + ")");
        }
    }

    /** A nested mapping such as {@code expect:}, its fields named {@code expect.x}; null when absent or not a mapping. */
    YamlMap map(String key) {
        var value = valueNode(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (!(value instanceof MappingNode mapping)) {
            error(value, field(key) + " must be a mapping of key: value, not " + Reading.describe(value));
            return null;
        }
        return new YamlMap(reading, mapping.getValue(), context, prefix + key + ".", keyNode(key));
    }

    Scalar scalar(String key) {
        var value = valueNode(key);
        if (value == null) {
            return null;
        }
        return scalarOf(value, field(key));
    }

    Scalar scalarOf(Node value, String field) {
        if (!(value instanceof ScalarNode scalar)) {
            error(value, field + " must be a single value, not " + Reading.describe(value));
            return null;
        }
        return reading.scalar(scalar, where(field));
    }

    /** A list item that must be a single value: an empty one is an error, where an empty value of a key reads as absent. */
    Scalar itemOf(Node item, String field) {
        if (isNull(item)) {
            error(item, field + " must not be empty");
            return null;
        }
        return scalarOf(item, field);
    }

    ConfigText text(String key) {
        var scalar = scalar(key);
        return scalar == null ? null : scalar.text();
    }

    String string(String key) {
        var scalar = scalar(key);
        return scalar == null ? null : scalar.value();
    }

    Secret secret(String key) {
        var scalar = scalar(key);
        return scalar == null ? null : scalar.secret();
    }

    boolean bool(String key, boolean fallback) {
        var scalar = scalar(key);
        if (scalar == null) {
            return fallback;
        }
        var word = scalar.value().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        error(scalar.node(), field(key) + " must be true or false " + scalar.shown());
        return fallback;
    }

    /** A whole number within {@code min..max}, or {@code fallback} (after an error when it is not one). */
    int integer(String key, int fallback, int min, int max) {
        var scalar = scalar(key);
        return scalar == null ? fallback : integerOf(scalar, field(key), fallback, min, max);
    }

    int integerOf(Scalar scalar, String field, int fallback, int min, int max) {
        long number;
        try {
            number = Long.parseLong(scalar.value().strip());
        } catch (NumberFormatException notANumber) {
            error(scalar.node(), field + " must be a whole number " + scalar.shown());
            return fallback;
        }
        if (number < min || number > max) {
            var range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            error(scalar.node(), field + " must be " + range + " " + scalar.shown());
            return fallback;
        }
        return (int) number;
    }

    /** A duration of at least {@code min}, or {@code fallback} (after an error when it is not one). */
    Duration duration(String key, Duration fallback, Duration min) {
        var scalar = scalar(key);
        if (scalar == null) {
            return fallback;
        }
        var parsed = Durations.parse(scalar.value());
        if (parsed.isEmpty()) {
            error(scalar.node(), field(key) + " must be a duration such as 500ms, 30s, 5m, 2h or 1d " + scalar.shown());
            return fallback;
        }
        if (parsed.get().compareTo(min) < 0) {
            var bound = min.isZero() ? "0 or more" : min.equals(Duration.ofMillis(1)) ? "greater than 0" : "at least " + Durations.format(min);
            error(scalar.node(), field(key) + " must be " + bound + " " + scalar.shown());
            return fallback;
        }
        return parsed.get();
    }

    /** A list of single values; with {@code singleAllowed}, one value alone counts as a list of one. */
    List<Scalar> scalars(String key, boolean singleAllowed) {
        var value = valueNode(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value instanceof ScalarNode && singleAllowed) {
            var scalar = scalarOf(value, field(key));
            return scalar == null ? List.of() : List.of(scalar);
        }
        if (!(value instanceof SequenceNode sequence)) {
            error(value, field(key) + " must be a list, not " + Reading.describe(value));
            return List.of();
        }
        var result = new ArrayList<Scalar>();
        for (var item : sequence.getValue()) {
            var scalar = itemOf(item, field(key) + " items");
            if (scalar != null) {
                result.add(scalar);
            }
        }
        return result;
    }

    /** A list node's items, or empty after an error when it is not a list. */
    List<Node> sequence(String key) {
        var value = valueNode(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            error(value, field(key) + " must be a list, not " + Reading.describe(value));
            return List.of();
        }
        return sequence.getValue();
    }

    /** A mapping of single values, such as {@code headers:} or {@code extra:}, in the order written. */
    Map<String, Scalar> scalarMap(String key) {
        var nested = map(key);
        if (nested == null) {
            return Map.of();
        }
        var result = new LinkedHashMap<String, Scalar>();
        for (var name : nested.keys()) {
            var scalar = nested.scalar(name);
            if (scalar != null) {
                result.put(name, scalar);
            }
        }
        return result;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private String where(String message) {
        return join(context, message);
    }

    private static String join(String context, String message) {
        return context.isEmpty() ? message : context + ": " + message;
    }
}
