package dev.topowatch.checkers.redis;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Secret;
import dev.topowatch.topology.check.RedisCheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Redis entities as the topology loader builds them from {@code redis://[:password@]host:port[/db]}. */
final class RedisEntities {
    static final Instant NOW = Instant.parse("2026-03-03T06:37:24Z");
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private RedisEntities() {
    }

    static RedisChecker checker() {
        return new RedisChecker(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Entity redis(int port, String password, int database, Map<String, String> capture) {
        var url = "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port + "/" + database;
        var check = new RedisCheck(ConfigText.literal(url), "127.0.0.1", port,
                password == null ? null : Secret.of(password), database, capture);
        return new Entity("cache", EntityType.REDIS, null, null, Duration.ofMinutes(1), TIMEOUT, 1, 1,
                List.of(), Map.of(), false, true, null, null, check, null, List.of(), null);
    }

    static Entity redis(int port) {
        return redis(port, null, 0, Map.of());
    }
}
