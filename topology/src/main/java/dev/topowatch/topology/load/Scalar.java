package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.List;

/**
 * One scalar value of the file: as written ({@code template}) and with {@code ${VAR}} expanded
 * ({@code value}). Error messages quote it through {@link #shown()}, which never reveals what came
 * from the environment.
 */
record Scalar(ScalarNode node, String template, String value, List<String> variables) {
    private static final int LONGEST_QUOTE = 60;

    boolean fromEnvironment() {
        return !variables.isEmpty();
    }

    /** What a message may quote: the value, or the text as written when the environment filled it in. */
    String display() {
        return fromEnvironment() ? template : value;
    }

    ConfigText text() {
        return ConfigText.of(template, value);
    }

    Secret secret() {
        return Secret.of(value);
    }

    /** {@code (got 'fast')}, or {@code (value of ${VAR} not shown)} when the environment filled it in. */
    String shown() {
        if (fromEnvironment()) {
            return "(value of ${" + String.join("}, ${", variables) + "} not shown)";
        }
        return "(got " + quote(value) + ")";
    }

    /** A value fit for one line of an error: quoted, control characters escaped, long ones cut. */
    static String quote(String text) {
        var shown = new StringBuilder("'");
        text.codePoints().limit(LONGEST_QUOTE).forEach(codePoint -> {
            if (Printable.hidden(codePoint)) {
                shown.append(String.format("\\u%04x", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        if (text.codePointCount(0, text.length()) > LONGEST_QUOTE) {
            shown.append("...");
        }
        return shown.append("'").toString();
    }
}
