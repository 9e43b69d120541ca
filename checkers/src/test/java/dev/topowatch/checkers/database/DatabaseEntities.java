package dev.topowatch.checkers.database;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Secret;
import dev.topowatch.topology.check.DatabaseCheck;
import dev.topowatch.topology.check.DatabaseCheck.Engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Database entities as the topology loader builds them, and a checker on a fixed clock. */
final class DatabaseEntities {
    static final Instant NOW = Instant.parse("2026-03-03T06:37:24Z");
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private DatabaseEntities() {
    }

    static DatabaseChecker checker() {
        return new DatabaseChecker(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Entity database(Engine engine, String url, String username, String password) {
        return database(engine, ConfigText.literal(url), username, password, "SELECT 1", Map.of());
    }

    static Entity database(Engine engine, ConfigText url, String username, String password, String query,
                           Map<String, String> capture) {
        var captures = new LinkedHashMap<String, ConfigText>();
        capture.forEach((key, sql) -> captures.put(key, ConfigText.literal(sql)));
        var check = new DatabaseCheck(url, engine, username == null ? null : ConfigText.literal(username),
                password == null ? null : Secret.of(password), ConfigText.literal(query), captures);
        return new Entity("db_main", EntityType.DATABASE, null, null, Duration.ofMinutes(1), TIMEOUT, 1, 1,
                List.of(), Map.of(), false, true, null, null, check, null, List.of(), null);
    }
}
