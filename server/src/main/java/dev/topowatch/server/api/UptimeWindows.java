package dev.topowatch.server.api;

import dev.topowatch.server.store.Store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code uptime: {"24h": r, "7d": r, "30d": r}}: the share of charged checks that passed in each
 * window, from the stored history. Failures while blocked or in maintenance are not charged, as
 * {@code success_ratio} does not charge blocked ones; a window without a charged check is null. A
 * window longer than the retention covers what is kept.
 */
final class UptimeWindows {
    static final Map<String, Duration> WINDOWS = windows();

    private UptimeWindows() {
    }

    private static Map<String, Duration> windows() {
        var windows = new LinkedHashMap<String, Duration>();
        windows.put("24h", Duration.ofHours(24));
        windows.put("7d", Duration.ofDays(7));
        windows.put("30d", Duration.ofDays(30));
        return windows;
    }

    /** @param entities one entity, or a group's members (whose checks it is available through) */
    static Map<String, BigDecimal> of(Store store, Collection<String> entities, Instant now) {
        var uptime = new LinkedHashMap<String, BigDecimal>();
        WINDOWS.forEach((name, window) -> {
            var ratio = store.totals(entities, now.minus(window), now).ratio();
            // Six places: 99.9999% is what a month of one-minute checks can still tell apart.
            uptime.put(name, ratio == null ? null : BigDecimal.valueOf(ratio).setScale(6, RoundingMode.HALF_EVEN));
        });
        return uptime;
    }
}
