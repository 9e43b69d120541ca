package dev.topowatch.topology;

import java.util.Comparator;
import java.util.Objects;

/**
 * An error or a warning about a topology file, at the place a person has to edit.
 *
 * @param line   1-based; 0 when it concerns the file as a whole
 * @param column 1-based; 0 when it concerns the file as a whole
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    /** File order: by line, then column, then message, so that output is stable. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code LINE:COL: message} without the file, as the fixtures name it. */
    public String positioned() {
        var prefix = severity == Severity.WARNING ? "warning: " : "";
        return line == 0 ? prefix + message : line + ":" + column + ": " + prefix + message;
    }

    /** {@code FILE:LINE:COL: message}, the way compilers print it, so editors can jump to it. */
    @Override
    public String toString() {
        return line == 0 ? file + ": " + positioned() : file + ":" + positioned();
    }
}
