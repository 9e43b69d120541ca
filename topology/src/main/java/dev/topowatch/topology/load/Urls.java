package dev.topowatch.topology.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks that a text is an absolute URL with one of the expected schemes and a host. */
final class Urls {

    private Urls() {
    }

    /** Empty when valid; otherwise what is wrong, in words. */
    static Optional<String> problem(String text, Set<String> schemes) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException invalid) {
            return Optional.of("is not a valid URL: " + invalid.getReason());
        }
        var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !schemes.contains(scheme)) {
            return Optional.of("must be a URL starting with " + String.join(":// or ", schemes.stream().sorted().toList()) + "://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("is not a valid URL: it has no host");
        }
        return Optional.empty();
    }

    /** Reports a problem with {@code key}'s URL, if there is one. */
    static void check(YamlMap map, String key, Set<String> schemes) {
        var scalar = map.scalar(key);
        if (scalar != null) {
            problem(scalar.value(), schemes).ifPresent(problem ->
                    map.error(scalar.node(), map.field(key) + " " + problem + " " + scalar.shown()));
        }
    }
}
