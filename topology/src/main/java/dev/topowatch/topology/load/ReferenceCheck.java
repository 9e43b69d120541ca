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
                        + " " + Scalar.quote(reference.shown()) + ", which is not defined" + known(reference, candidates(reference, declared, entities)));
            } else if (reference.kind() == Reference.Kind.SERVER && target != null && target.type() != EntityType.SERVER) {
                problems.error(reference.node(), reference.fromContext() + ": server " + Scalar.quote(reference.shown())
                        + " is " + article(target.type().yamlName()) + " entity, not a server (declare it with type: server)");
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

    /** What the reference could have meant: servers for {@code server:}, any other entity otherwise. */
    private static Set<String> candidates(Reference reference, Set<String> declared, Map<String, Entity> entities) {
        var candidates = new java.util.TreeSet<String>();
        for (var name : declared) {
            var entity = entities.get(name);
            boolean rightKind = reference.kind() != Reference.Kind.SERVER || entity == null || entity.type() == EntityType.SERVER;
            if (rightKind && !name.equals(reference.from())) {
                candidates.add(name);
            }
        }
        return candidates;
    }

    private static String known(Reference reference, Set<String> candidates) {
        var noun = reference.kind() == Reference.Kind.SERVER ? "server" : "other entity";
        if (candidates.isEmpty()) {
            return " (no " + noun + " is defined)";
        }
        var near = Suggestions.nearest(reference.target(), candidates, 3);
        if (!near.isEmpty()) {
            return " (did you mean " + String.join(" or ", near.stream().map(Scalar::quote).toList()) + "?)";
        }
        var names = candidates.stream().limit(MAX_LISTED).toList();
        return " (known: " + String.join(", ", names) + (candidates.size() > MAX_LISTED ? ", ..." : "") + ")";
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
