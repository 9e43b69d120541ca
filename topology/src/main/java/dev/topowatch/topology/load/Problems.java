package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import dev.topowatch.topology.Problem.Severity;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one load, so that a person sees all of them in one run. */
final class Problems {
    /** Past this many errors the rest are noise: a person fixes the first ones and runs again. */
    static final int MAX_ERRORS = 200;

    private final String file;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(Node at, String message) {
        error(at == null ? null : at.getStartMark(), message);
    }

    void error(Mark at, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(problem(Severity.ERROR, at, message));
        }
    }

    /** An error about the file as a whole, which has no line to point at. */
    void fileError(String message) {
        error((Mark) null, message);
    }

    void warning(Node at, String message) {
        warnings.add(problem(Severity.WARNING, at == null ? null : at.getStartMark(), message));
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

    private Problem problem(Severity severity, Mark at, String message) {
        return at == null
                ? new Problem(severity, file, 0, 0, message)
                : new Problem(severity, file, at.getLine() + 1, at.getColumn() + 1, message);
    }
}
