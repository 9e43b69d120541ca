package dev.topowatch.server.engine;

/**
 * Decides whether an entity is flapping from its last raw outcomes, the way Icinga and Nagios weigh
 * them: each change between two neighbouring outcomes counts, recent changes more (weights rising
 * linearly from 0.8 for the oldest to 1.2 for the newest), as a percentage of the possible changes.
 * Hysteresis (start above {@link #HIGH}, stop below {@link #LOW}) keeps the flag itself from flapping.
 */
final class FlapDetector {
    /** Outcomes remembered per entity: Icinga keeps 21 states, i.e. 20 possible changes. */
    static final int WINDOW = 21;
    static final double HIGH = 30.0;
    static final double LOW = 25.0;

    private FlapDetector() {
    }

    /** The weighted percentage of state changes within {@code outcomes} (oldest first, one letter each). */
    static double percentStateChange(String outcomes) {
        int changes = outcomes.length() - 1;
        if (changes < 1) {
            return 0;
        }
        double weighted = 0;
        for (int i = 1; i < outcomes.length(); i++) {
            if (outcomes.charAt(i) != outcomes.charAt(i - 1)) {
                weighted += changes == 1 ? 1.0 : 0.8 + 0.4 * (i - 1) / (changes - 1);
            }
        }
        return weighted * 100 / changes;
    }

    /** Whether the entity flaps now, given whether it flapped before (the hysteresis). */
    static boolean isFlapping(String outcomes, boolean wasFlapping) {
        if (outcomes.length() < WINDOW) {
            return false;
        }
        var percent = percentStateChange(outcomes);
        return wasFlapping ? percent >= LOW : percent > HIGH;
    }

    /** {@code outcomes} with {@code next} appended, keeping only the last {@link #WINDOW}. */
    static String remember(String outcomes, char next) {
        var longer = outcomes + next;
        return longer.length() > WINDOW ? longer.substring(longer.length() - WINDOW) : longer;
    }
}
