package dev.topowatch.topology.load;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.Map;

/**
 * What every reader of one load shares: where problems go, how {@code ${VAR}} expands, and who reads
 * each alert channel's section (the top level's and each project's alike).
 */
final class Reading {
    final Problems problems;
    final Map<String, ChannelReader> channels;
    private final EnvExpander expander;

    Reading(Problems problems, Map<String, String> environment, Map<String, ChannelReader> channels) {
        this.problems = problems;
        this.channels = channels;
        this.expander = new EnvExpander(environment);
    }

    /**
     * The node as a scalar with the environment expanded, or null when it is YAML null. An unset
     * variable is an error that names the variable; the value read on is then empty.
     */
    Scalar scalar(ScalarNode node, String field) {
        if (node.getTag().equals(Tag.NULL)) {
            return null;
        }
        var expansion = expander.expand(node.getValue());
        for (var unset : expansion.unset()) {
            problems.error(node, field + ": environment variable '" + unset + "' is not set");
        }
        return new Scalar(node, node.getValue(), expansion.value(), expansion.variables());
    }

    static String describe(Node node) {
        return switch (node.getNodeType()) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case SCALAR -> "a single value";
            case ANCHOR -> "an anchor";
        };
    }
}
