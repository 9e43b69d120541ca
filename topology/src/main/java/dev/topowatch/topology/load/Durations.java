package dev.topowatch.topology.load;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d},
 * combinations such as {@code 1h30m}, or a bare number of seconds ({@code 90}, {@code 2.5}).
 */
public final class Durations {
    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");
    /** Nothing a person means is longer; bigger numbers are typos and would overflow. */
    private static final Duration LONGEST = Duration.ofDays(3650);

    private Durations() {
    }

    /** The duration, or empty when the text is not one (or is longer than ten years). */
    public static Optional<Duration> parse(String text) {
        var trimmed = text.strip();
        if (trimmed.length() > 40) {
            return Optional.empty();
        }
        try {
            Duration total;
            if (BARE_SECONDS.matcher(trimmed).matches()) {
                total = millis(Double.parseDouble(trimmed) * 1000);
            } else if (WHOLE.matcher(trimmed).matches()) {
                total = Duration.ZERO;
                var parts = PART.matcher(trimmed);
                while (parts.find()) {
                    total = total.plus(millis(Double.parseDouble(parts.group(1)) * unitMillis(parts.group(2))));
                }
            } else {
                return Optional.empty();
            }
            return total.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(total);
        } catch (ArithmeticException tooLong) {
            return Optional.empty();
        }
    }

    /** The shortest way to write it back: {@code 90s} as {@code 1m30s}, {@code 0.5s} as {@code 500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        var text = new StringBuilder();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (millis >= units[i]) {
                text.append(millis / units[i]).append(names[i]);
                millis %= units[i];
            }
        }
        return text.toString();
    }

    private static Duration millis(double millis) {
        if (millis > LONGEST.toMillis() * 2.0) {
            throw new ArithmeticException("too long");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
