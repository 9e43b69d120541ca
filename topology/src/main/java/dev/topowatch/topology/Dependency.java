package dev.topowatch.topology;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code depends_on}: either a single entity that must be available,
 * or a redundant set of which at least one must be.
 */
public sealed interface Dependency {

    /** The entity names this entry refers to, in the order written. */
    List<String> names();

    /** {@code depends_on: [db]}: blocked when {@code db} is unavailable. */
    record On(String name) implements Dependency {
        public On {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** {@code depends_on: [{any_of: [cache-a, cache-b]}]}: blocked only when every one is unavailable. */
    record AnyOf(List<String> names) implements Dependency {
        public AnyOf {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("any_of needs at least one entity");
            }
        }
    }
}
