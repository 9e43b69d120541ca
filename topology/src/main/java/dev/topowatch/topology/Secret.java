package dev.topowatch.topology;

import java.util.Objects;

/**
 * A value that must never be shown: a password, a token, or anything filled in from {@code ${VAR}}.
 * {@link #toString()} hides it, so that logging a record that holds one cannot leak it;
 * only {@link #reveal()} gives it to the code that needs it to connect.
 */
public final class Secret {
    private static final String HIDDEN = "******";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
