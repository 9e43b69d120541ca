package dev.topowatch.topology.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.Locale;

/**
 * Parses YAML text into SnakeYAML's node tree, which keeps the line and column of every value
 * (a data-binding tree would forget them). Hostile input is bounded: aliases of collections are
 * capped (no "billion laughs"), as are nesting depth and size, and each refusal is a plain error.
 */
final class YamlSource {
    /** A topology of 10,000 entities is about 2 MB; four times that is a mistake, not a topology. */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    static final int MAX_COLLECTION_ALIASES = 100;
    static final int MAX_NESTING_DEPTH = 64;

    private YamlSource() {
    }

    /** The document's root node; null after an error, or for an empty document. */
    static Node compose(String text, Problems problems) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException syntax) {
            problems.error(syntax.getProblemMark(), describe(syntax));
        } catch (YAMLException refused) {
            problems.fileError("YAML refused: " + plainly(firstLine(refused.getMessage())));
        } catch (StackOverflowError tooDeep) {
            problems.fileError("YAML refused: nested too deeply");
        }
        return null;
    }

    /** SnakeYAML's wording, without its own copy of the position and the source excerpt. */
    private static String describe(MarkedYAMLException syntax) {
        var problem = syntax.getProblem() == null ? "invalid YAML" : syntax.getProblem();
        var context = syntax.getContext();
        var message = context == null ? problem : context + ": " + problem;
        return "YAML syntax: " + firstLine(message).toLowerCase(Locale.ROOT).charAt(0) + firstLine(message).substring(1);
    }

    /** SnakeYAML's limits, said as what they protect against. */
    private static String plainly(String message) {
        if (message.startsWith("Number of aliases")) {
            return "more than " + MAX_COLLECTION_ALIASES + " aliases of lists or mappings (an alias bomb?)";
        }
        if (message.startsWith("Nesting Depth")) {
            return "nested deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("code points") || message.contains("exceeds the limit")) {
            return "the document is larger than " + MAX_CODE_POINTS + " characters";
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "invalid YAML";
        }
        var end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
