package dev.topowatch.topology.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-fallback}} from the environment; {@code $${} writes a literal
 * {@code ${}. The environment is passed in, so that tests need not change the process's.
 */
final class EnvExpander {
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** The expanded text, the variables used, and the ones that are unset with no fallback. */
    record Expansion(String value, List<String> variables, List<String> unset) {
    }

    private final Map<String, String> environment;

    EnvExpander(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Expansion expand(String text) {
        if (!text.contains("${")) {
            return new Expansion(text, List.of(), List.of());
        }
        var variables = new ArrayList<String>();
        var unset = new ArrayList<String>();
        var matcher = REFERENCE.matcher(text);
        var expanded = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                var name = matcher.group(1);
                variables.add(name);
                var value = environment.get(name);
                if (value == null && matcher.group(2) == null) {
                    unset.add(name);
                    replacement = "";
                } else {
                    replacement = value != null ? value : matcher.group(2);
                }
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return new Expansion(expanded.toString(), List.copyOf(variables), List.copyOf(unset));
    }
}
