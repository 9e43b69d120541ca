package dev.topowatch.server.store;

/**
 * Checks of one or more entities over a window, summed.
 *
 * @param failures failed checks charged to the entity: its own failures
 * @param blocked  failed checks not charged to it: taken while a dependency was down or inside a
 *                 maintenance window
 */
public record CheckTotals(long count, long failures, long blocked) {

    /** The share of charged checks that passed, as {@code success_ratio} counts it; null when none was charged. */
    public Double ratio() {
        long charged = count - blocked;
        return charged <= 0 ? null : (double) (charged - failures) / charged;
    }
}
