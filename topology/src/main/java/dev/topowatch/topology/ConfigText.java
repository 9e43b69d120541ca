package dev.topowatch.topology;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A string from the topology file, with {@code ${VAR}} references expanded in {@link #value()} for
 * the code that connects, and kept unexpanded in {@link #toString()} for everything that displays it.
 * So a value taken from the environment is used but never shown: the board, the logs and the errors
 * show {@code ${VAR}}. Passwords written into URLs are masked in the display form as well.
 */
public final class ConfigText {
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*:)([^@/\\s]+)(@)");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|pass|pwd|token|secret|api_?key)=)([^&;\\s]+)");

    private final String template;
    private final String value;
    /** Worked out once: checks put it in every result, and masking is two regular expressions. */
    private final String display;

    private ConfigText(String template, String value) {
        this.template = Objects.requireNonNull(template, "template");
        this.value = Objects.requireNonNull(value, "value");
        this.display = masked(template);
    }

    /** A text as written in the file ({@code template}) and as expanded from the environment ({@code value}). */
    public static ConfigText of(String template, String value) {
        return new ConfigText(template, value);
    }

    /** A text with no environment references: shown as it is. */
    public static ConfigText literal(String text) {
        return new ConfigText(text, text);
    }

    /** The expanded value, for connecting; never display it. */
    public String value() {
        return value;
    }

    /** Whether any part of the value came from the environment. */
    public boolean fromEnvironment() {
        return !template.equals(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigText text && text.value.equals(value) && text.template.equals(template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, value);
    }

    /** The display form: as written, {@code ${VAR}} unexpanded, passwords in URLs masked. */
    @Override
    public String toString() {
        return display;
    }

    private static String masked(String template) {
        var masked = URL_PASSWORD.matcher(template).replaceAll("$1******$3");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1******");
    }
}
