package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link LoadResult#orThrow()}: the message lists every error, one per line. */
public final class InvalidTopologyException extends RuntimeException {
    private final transient List<Problem> errors;

    public InvalidTopologyException(List<Problem> errors) {
        super(errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<Problem> errors() {
        return errors;
    }
}
