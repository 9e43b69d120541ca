package dev.topowatch.topology.load;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses YAML 1.2 text (JSON included) into snakeyaml-engine's node tree, which keeps the line and
 * column of every value (a data-binding tree would forget them). Hostile input is bounded by one
 * size, {@link #MAX_SIZE}: the file's bytes before it is read, and the document with every alias
 * expanded while it is parsed; and by a nesting depth. Each refusal is a located error.
 */
final class YamlSource {
    /**
     * A topology of 10,000 entities is 1-3 MB; twice that is a mistake, not a topology. In bytes for
     * the file, in characters for the expanded document (a character is at least a byte). It also
     * bounds the time: the engine reads a 4 MiB value in about half a second (bench/README.md).
     */
    static final int MAX_SIZE = 4 * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;

    private YamlSource() {
    }

    static String tooLarge() {
        return "YAML refused: the document, with its aliases expanded, is larger than " + MAX_SIZE / (1024 * 1024)
                + " MiB (" + MAX_SIZE + " characters)";
    }

    /** The document's root node; empty after an error, or when the file holds no document at all. */
    /** @param file the file's name as problems show it: every node's mark carries it, so that errors found later name the right file */
    static Optional<Node> compose(String text, String file, Problems problems) {
        var settings = LoadSettings.builder()
                .setLabel(file)
                // YAML 1.2's core schema: null is also '~' and empty, as people write it; JSON's would not say so.
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                // A list or mapping as a key is valid YAML: YamlMap says where it stands and that keys are words.
                .setAllowNonScalarKeys(true)
                // Aliases are bounded by what they expand to (BoundedEvents), not by how many there are.
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .setCodePointLimit(MAX_SIZE)
                .setParseComments(false)
                // The whole text is in memory already: read it in one go. With the default 1 KiB, the
                // engine copies its window of what it has not consumed at every read, and a scalar of a
                // few MiB (looked at whole before it is consumed) took seconds and a gigabyte of copies.
                .setBufferSize(Math.max(1024, Math.min(text.length(), MAX_SIZE) + 1))
                .build();
        var reader = new StreamReader(settings, text);
        try {
            var parser = new BoundedEvents(new ParserImpl(settings, reader), MAX_SIZE, MAX_NESTING_DEPTH);
            return new Composer(settings, parser).getSingleNode();
        } catch (BoundedEvents.Refused refused) {
            problems.error(refused.at(), refused.getMessage());
        } catch (MarkedYamlEngineException syntax) {
            problems.error(syntax.getProblemMark().or(syntax::getContextMark), describe(syntax));
        } catch (ReaderException unreadable) {
            var at = TextPosition.ofCodePoint(text, unreadable.getPosition());
            problems.error(at.line(), at.column(), "YAML syntax: the character U+" + String.format(Locale.ROOT, "%04X",
                    unreadable.getCodePoint()) + " is not allowed in a YAML file");
        } catch (YamlVersionException version) {
            var at = TextPosition.ofLineStarting(text, "%YAML");
            problems.error(at.line(), at.column(), "YAML syntax: version " + version.getSpecVersion().getRepresentation()
                    + " is not supported: write %YAML 1.2, or leave the directive out");
        } catch (YamlEngineException refused) {
            problems.fileError("YAML refused: " + plainly(refused.getMessage()));
        } catch (StackOverflowError tooDeep) {
            problems.fileError("YAML refused: nested too deeply");
        } catch (RuntimeException engineBug) {
            // The engine's own failures (found by MutationFuzzTest): said at the place it was reading.
            problems.error(reader.getLine() + 1, reader.getColumn() + 1, engineBug instanceof NumberFormatException
                    ? "YAML syntax: an escape such as \\x41, \\u0041 or \\U00000041 needs all its hexadecimal digits"
                    : "YAML syntax: the parser could not read on from here (" + engineBug.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }

    /** The engine's wording, without its own copy of the position and the source excerpt, one printable line. */
    private static String describe(MarkedYamlEngineException syntax) {
        var problem = syntax.getProblem() == null ? "invalid YAML" : firstLine(syntax.getProblem());
        var context = syntax.getContext() == null ? null : firstLine(syntax.getContext());
        var message = context == null || context.isEmpty() ? problem : context + ": " + problem;
        return "YAML syntax: " + Printable.line(message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1));
    }

    /** The engine's limits, said as what they protect against. */
    private static String plainly(String message) {
        var line = firstLine(message);
        if (line.contains("code points") || line.contains("exceeds the limit")) {
            return tooLarge().substring("YAML refused: ".length());
        }
        return Printable.line(line);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "invalid YAML";
        }
        var end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
