package dev.topowatch.topology.load;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that every name an entity refers to (server, depends_on, members) is an entity of the right kind. */
final class ReferenceCheck {
    /** Listing every name of a big topology helps nobody: name the few that look alike, or a few at all. */
    private static final int MAX_LISTED = 8;

    private ReferenceCheck() {
    }

    /**
     * @param declared every name under {@code entities:}, including those too broken to build, so that
     *                 one broken entity does not also make every reference to it an error
     */
    static void check(List<Reference> references, Set<String> declared, Map<String, Entity> entities, Problems problems) {
        for (var reference : references) {
            var target = entities.get(reference.target());
            if (!declared.contains(reference.target())) {
                problems.error(reference.node(), reference.fromContext() + ": " + what(reference)
                        + " " + Scalar.quote(reference.target()) + ", which is not defined" + known(reference.target(), declared));
            } else if (reference.kind() == Reference.Kind.SERVER && target != null && target.type() != EntityType.SERVER) {
                problems.error(reference.node(), reference.fromContext() + ": server " + Scalar.quote(reference.target())
                        + " is " + article(target.type().yamlName()) + ", not a server (declare it with type: server)");
            }
        }
    }

    private static String what(Reference reference) {
        return switch (reference.kind()) {
            case SERVER -> "runs on server";
            case DEPENDS_ON -> "depends on";
            case MEMBER -> "has member";
        };
    }

    private static String known(String name, Set<String> declared) {
        if (declared.isEmpty()) {
            return " (no entity is defined)";
        }
        var near = Suggestions.nearest(name, declared, 3);
        if (!near.isEmpty()) {
            return " (did you mean " + String.join(" or ", near.stream().map(Scalar::quote).toList()) + "?)";
        }
        var names = declared.stream().sorted().limit(MAX_LISTED).toList();
        return " (known: " + String.join(", ", names) + (declared.size() > MAX_LISTED ? ", ..." : "") + ")";
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
