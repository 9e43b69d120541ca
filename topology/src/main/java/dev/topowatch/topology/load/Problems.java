package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import dev.topowatch.topology.Problem.Severity;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects every problem of one load, so that a person sees all of them in one run. */
final class Problems {
    /** Past this many errors the rest are noise: a person fixes the first ones and runs again. */
    static final int MAX_ERRORS = 200;

    private final String file;
    private final List<Problem> errors;
    private final List<Problem> warnings;

    Problems(String file) {
        this(file, new ArrayList<>(), new ArrayList<>());
    }

    private Problems(String file, List<Problem> errors, List<Problem> warnings) {
        this.file = file;
        this.errors = errors;
        this.warnings = warnings;
    }

    /** The same collection, its unlocated problems said of {@code another} file (one that the topology includes). */
    Problems in(String another) {
        return new Problems(another, errors, warnings);
    }

    void error(Node at, String message) {
        error(at == null ? Optional.empty() : at.getStartMark(), message);
    }

    /** An error at a node's mark, in the file the mark was read from (its label is that file's name). */
    void error(Optional<Mark> at, String message) {
        at.ifPresentOrElse(mark -> error(fileOf(mark), mark.getLine() + 1, mark.getColumn() + 1, message), () -> fileError(message));
    }

    /** An error at a 1-based line and column. */
    void error(int line, int column, String message) {
        error(file, line, column, message);
    }

    private void error(String in, int line, int column, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new Problem(Severity.ERROR, in, line, column, message));
        }
    }

    private String fileOf(Mark mark) {
        return mark.getName() == null ? file : mark.getName();
    }

    /** An error about the file as a whole, which has no line to point at. */
    void fileError(String message) {
        error(0, 0, message);
    }

    void warning(Node at, String message) {
        var mark = at == null ? Optional.<Mark>empty() : at.getStartMark();
        warnings.add(mark.map(m -> new Problem(Severity.WARNING, fileOf(m), m.getLine() + 1, m.getColumn() + 1, message))
                .orElseGet(() -> new Problem(Severity.WARNING, file, 0, 0, message)));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<Problem> errors() {
        return List.copyOf(errors);
    }

    List<Problem> warnings() {
        return List.copyOf(warnings);
    }

}
