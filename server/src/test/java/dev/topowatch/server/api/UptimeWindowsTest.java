package dev.topowatch.server.api;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.server.testing.Topologies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of checks every ten minutes on the test clock, with an outage of the entity's own, one of
 * its dependency (it is blocked), a maintenance window and a fresh outage in the last day: each
 * window charges only the entity's own failures.
 */
class UptimeWindowsTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(10);
    private static final int CHECKS_PER_DAY = 144;

    @TempDir
    Path directory;

    @Test
    void a_simulated_month_charges_own_failures_only_in_every_window_and_a_group_sums_its_members() throws Exception {
        var topology = Topologies.parse("""
                defaults: {failure_threshold: 1}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                  api: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db]}
                  shop: {type: group, members: [api, db]}
                  fresh: {type: tcp, host: 127.0.0.1, port: 3}
                """);
        var clock = new MutableClock(START);
        try (var store = SqliteStore.open(directory.resolve("board.db"), clock, Duration.ofDays(30))) {
            var engine = new StatusEngine(topology, store, clock);
            for (int tick = 0; tick < 30 * CHECKS_PER_DAY; tick++) {
                var at = START.plus(EVERY.multipliedBy(tick));
                clock.advance(Duration.between(clock.instant(), at));
                var hour = Duration.between(START, at).toHours();
                boolean dbDown = hour >= 9 * 24 && hour < 9 * 24 + 12;                // day 10: 12 h, api blocked
                boolean apiOwnOutage = hour >= 2 * 24 && hour < 2 * 24 + 6            // day 3: 6 h
                        || hour >= 29 * 24 + 10 && hour < 29 * 24 + 12;               // the last day: 2 h
                boolean apiMaintenance = hour >= 19 * 24 && hour < 19 * 24 + 5;       // day 20: 5 h, failing
                if (hour == 19 * 24 && at.equals(START.plus(Duration.ofHours(hour)))) {
                    engine.startMaintenance("api", at.plus(Duration.ofHours(5)));
                }
                engine.onResult("db", dbDown ? CheckResult.down(at, Duration.ofMillis(5), "refused") : CheckResult.up(at, Duration.ofMillis(5)));
                boolean apiFails = dbDown || apiOwnOutage || apiMaintenance;
                engine.onResult("api", apiFails ? CheckResult.down(at, Duration.ofMillis(5), "refused") : CheckResult.up(at, Duration.ofMillis(5)));
            }
            clock.advance(Duration.between(clock.instant(), START.plus(Duration.ofDays(30))));
            store.flush();

            var api = UptimeWindows.of(store, GroupJson.checked(topology.entities().get("api"), topology), clock.instant());
            var shop = UptimeWindows.of(store, GroupJson.checked(topology.entities().get("shop"), topology), clock.instant());
            var fresh = UptimeWindows.of(store, GroupJson.checked(topology.entities().get("fresh"), topology), clock.instant());

            int month = 30 * CHECKS_PER_DAY;
            // api over the month: 36 + 12 own failures charged; 72 blocked and 30 in maintenance not charged.
            assertThat(api).isEqualTo(windows(ratio(CHECKS_PER_DAY - 12, CHECKS_PER_DAY), ratio(7 * CHECKS_PER_DAY - 12, 7 * CHECKS_PER_DAY),
                    ratio(month - 102 - 48, month - 102)));
            // shop sums api and db: db's 72 failures are its own.
            assertThat(shop.get("30d")).isEqualTo(ratio(2 * month - 102 - 48 - 72, 2 * month - 102));
            assertThat(shop.get("24h")).isEqualTo(ratio(2 * CHECKS_PER_DAY - 12, 2 * CHECKS_PER_DAY));
            assertThat(fresh).as("never checked: no window can say").isEqualTo(windows(null, null, null));
        }
    }

    private static BigDecimal ratio(long passed, long charged) {
        return BigDecimal.valueOf((double) passed / charged).setScale(6, java.math.RoundingMode.HALF_EVEN);
    }

    private static LinkedHashMap<String, BigDecimal> windows(BigDecimal day, BigDecimal week, BigDecimal month) {
        var windows = new LinkedHashMap<String, BigDecimal>();
        windows.put("24h", day);
        windows.put("7d", week);
        windows.put("30d", month);
        return windows;
    }
}
