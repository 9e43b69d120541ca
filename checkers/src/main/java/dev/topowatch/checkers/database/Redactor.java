package dev.topowatch.checkers.database;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a driver's message everything that must not be shown: the password, passwords written
 * into the URL, and whatever the environment filled in ({@code ${VAR}}). Drivers echo URLs, user names
 * and host names in their errors, and an error reaches the board, the logs and Telegram.
 */
final class Redactor {
    static final String HIDDEN = "******";

    /** What {@link ConfigText#toString()} puts in place of a value it hides. */
    private static final Pattern HIDDEN_PART =
            Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?}|\\*{6}");

    /** Value shown in a message -> what to show instead; applied longest first. */
    private final Map<String, String> replacements;

    private Redactor(Map<String, String> replacements) {
        var longestFirst = new LinkedHashMap<String, String>();
        replacements.entrySet().stream()
                .filter(entry -> !entry.getKey().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed())
                .forEach(entry -> longestFirst.put(entry.getKey(), entry.getValue()));
        this.replacements = longestFirst;
    }

    /** Hides {@code password} and the hidden parts of every text. */
    static Redactor of(Secret password, ConfigText... texts) {
        var replacements = new LinkedHashMap<String, String>();
        for (var text : texts) {
            if (text != null) {
                hiddenParts(text, replacements);
            }
        }
        if (password != null) {
            replacements.put(password.reveal(), HIDDEN);
        }
        return new Redactor(replacements);
    }

    String redact(String message) {
        var redacted = message;
        for (var entry : replacements.entrySet()) {
            redacted = redacted.replace(entry.getKey(), entry.getValue());
        }
        return redacted;
    }

    /**
     * Lines up the display form ({@code jdbc:postgresql://${DB_HOST}/app?password=******}) with the value
     * to learn which parts of the value it hides, so that each of them is shown as the display form shows it.
     */
    private static void hiddenParts(ConfigText text, Map<String, String> replacements) {
        var shown = text.toString();
        var value = text.value();
        if (shown.equals(value)) {
            return;
        }
        var pattern = new StringBuilder();
        var shownParts = new java.util.ArrayList<String>();
        var matcher = HIDDEN_PART.matcher(shown);
        int literalStart = 0;
        while (matcher.find()) {
            pattern.append(Pattern.quote(shown.substring(literalStart, matcher.start())));
            if (matcher.group().equals("$${")) {
                pattern.append(Pattern.quote("${"));
            } else {
                pattern.append("(.*?)");
                shownParts.add(matcher.group(1) == null ? HIDDEN : "${" + matcher.group(1) + "}");
            }
            literalStart = matcher.end();
        }
        pattern.append(Pattern.quote(shown.substring(literalStart)));
        Matcher aligned = Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(value);
        if (aligned.matches()) {
            for (int group = 1; group <= aligned.groupCount(); group++) {
                replacements.putIfAbsent(aligned.group(group), shownParts.get(group - 1));
            }
        }
        // Whether or not the parts lined up, the whole value is never shown: its display form is.
        replacements.put(value, shown);
    }
}
