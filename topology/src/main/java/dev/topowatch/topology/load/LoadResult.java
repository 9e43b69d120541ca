package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import dev.topowatch.topology.Topology;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What loading a topology file gave: the topology when there is no error, and every problem found,
 * file by file (a topology may include others), each in file order.
 */
public record LoadResult(Optional<Topology> topology, List<Problem> errors, List<Problem> warnings) {

    public LoadResult {
        var order = Comparator.comparing(Problem::file).thenComparing(Problem.IN_FILE_ORDER);
        errors = errors.stream().sorted(order).toList();
        warnings = warnings.stream().sorted(order).toList();
        if (topology.isPresent() != errors.isEmpty()) {
            throw new IllegalArgumentException("a topology is given exactly when there is no error");
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The topology, or an exception listing every error. */
    public Topology orThrow() {
        return topology.orElseThrow(() -> new InvalidTopologyException(errors));
    }
}
