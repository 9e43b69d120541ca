package dev.topowatch.diagram.text;

import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.model.MutableAttributed;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.Serializer;

/**
 * Text from a topology, made safe for graphviz-java's DOT model: whatever a name or title holds,
 * Graphviz reads it back as that text, and nothing in it becomes DOT syntax.
 */
public final class DotText {

    private DotText() {
    }

    /**
     * graphviz-java quotes every value and escapes its quotes and line breaks (a line break becomes
     * Graphviz's {@code \n}), but leaves backslashes alone so that Graphviz's own escapes ({@code \l},
     * {@code \N}) still work. Doubling them first keeps a backslash a backslash and stops one from
     * escaping the closing quote. Graphviz also decodes HTML entities in every label ({@code &amp;amp;}
     * shows as {@code &}), so an ampersand is written as one. Other control characters than line breaks
     * and tabs are dropped: Graphviz would copy them into SVG, where XML forbids them.
     */
    public static Label literal(String text) {
        return Label.of(escaped(text));
    }

    /** {@link #literal}'s text, for graphviz-java's calls that take a name as a string. */
    public static String escaped(String text) {
        var kept = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
        return kept.replace("\\", "\\\\").replace("&", "&amp;");
    }

    /** Sets attributes given as name, value, name, value... (graphviz-java's own chaining returns the graph). */
    public static void set(MutableAttributed<?, ?> attributes, String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            attributes.add(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    /**
     * The graph as DOT text in the shape /diagram.dot always had, which people diff and grep: statements
     * ending in {@code ;}, blocks indented, a plain graph name unquoted, a line break at the end.
     * graphviz-java writes one statement a line and turns line breaks inside values into {@code \n}, so
     * a line ending in <code>{</code> opens a block and a lone <code>}</code> closes one. Attribute
     * names are ours and known to Graphviz, so no validation pass.
     */
    public static String serialize(MutableGraph graph) {
        var lines = new Serializer().notValidating().serialize(graph).split("\n");
        lines[0] = lines[0].replaceFirst("^(strict )?(di)?graph \"([A-Za-z_][A-Za-z0-9_]*)\" \\{$", "$1$2graph $3 {");
        var text = new StringBuilder();
        int depth = 0;
        for (var line : lines) {
            boolean closes = line.equals("}");
            depth -= closes ? 1 : 0;
            text.append("  ".repeat(depth)).append(line).append(closes || line.endsWith("{") ? "" : ";").append('\n');
            depth += line.endsWith("{") ? 1 : 0;
        }
        return text.toString();
    }
}
