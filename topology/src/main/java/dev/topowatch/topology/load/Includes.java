package dev.topowatch.topology.load;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an {@code include:} entry names: a file, or a glob ({@code *}, {@code ?}, {@code [ab]},
 * {@code {a,b}}, {@code **}) of files, relative to the including file's folder. The loader reads
 * them; the running board asks again on every look, so that a file added under a glob is found.
 */
public final class Includes {
    /** How deep {@code **} walks: a topology's folders are few and shallow, a walk of a whole disk is a mistake. */
    static final int MAX_DEPTH = 8;
    private static final Pattern GLOB = Pattern.compile("[*?\\[{]");

    private Includes() {
    }

    public static boolean isGlob(String entry) {
        return GLOB.matcher(entry).find();
    }

    /**
     * The files an entry names, sorted, as paths beside {@code including} (relative when it is), so that
     * problems name them as a person would. A plain entry names its file whether or not it exists; a
     * glob names the regular files that match now, leaving out hidden ones (editors' lock and swap files
     * such as {@code .#teams.yaml} are not topology).
     */
    public static List<Path> files(Path including, String written) throws IOException {
        var entry = plain(written);
        if (!isGlob(entry)) {
            return List.of(including.resolveSibling(entry));
        }
        var folder = folderOf(including);
        var base = folder.resolve(literalPrefix(entry)).normalize();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        var matcher = matcher(including, entry);
        int depth = entry.contains("**") ? MAX_DEPTH : depthBelow(entry);
        var found = new ArrayList<Path>();
        try (Stream<Path> walk = Files.walk(base, depth)) {
            walk.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(matcher::matches)
                    .sorted()
                    .forEach(path -> found.add(including.resolveSibling(folder.relativize(path).toString())));
        }
        return found;
    }

    /** Whether {@code candidate} (any path to it) is one the entry names, now or once it exists. */
    public static boolean names(Path including, String written, Path candidate) {
        var entry = plain(written);
        var absolute = candidate.toAbsolutePath().normalize();
        if (!isGlob(entry)) {
            return absolute.equals(folderOf(including).resolve(entry).normalize());
        }
        return !absolute.getFileName().toString().startsWith(".") && matcher(including, entry).matches(absolute);
    }

    /** The folder to watch for an entry: its own for a file, the one its glob starts from otherwise. */
    public static Path folder(Path including, String written) {
        var entry = plain(written);
        var folder = folderOf(including);
        return isGlob(entry) ? folder.resolve(literalPrefix(entry)).normalize() : folder.resolve(entry).normalize().getParent();
    }

    /** Without a leading {@code ./}, which a glob over normalised paths would never match. */
    private static String plain(String entry) {
        var plain = entry.strip();
        while (plain.startsWith("./")) {
            plain = plain.substring(2);
        }
        return plain;
    }

    private static Path folderOf(Path including) {
        return including.toAbsolutePath().normalize().getParent();
    }

    /** The folders before the first segment holding a glob character: where the walk starts. */
    private static String literalPrefix(String entry) {
        var segments = entry.split("/", -1);
        var prefix = new StringBuilder();
        for (int i = 0; i < segments.length - 1 && !isGlob(segments[i]); i++) {
            prefix.append(segments[i]).append('/');
        }
        return prefix.isEmpty() ? "." : prefix.toString();
    }

    private static int depthBelow(String entry) {
        var prefix = literalPrefix(entry);
        int literal = prefix.equals(".") ? 0 : prefix.split("/").length;
        return entry.split("/").length - literal;
    }

    /** The entry as a glob over absolute paths; the folder's own characters are escaped, as they are not a pattern. */
    private static PathMatcher matcher(Path including, String entry) {
        var folder = folderOf(including).toString().replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
        var pattern = Path.of(entry).isAbsolute() ? entry : folder + "/" + entry;
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
