package dev.topowatch.checkers;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HeartbeatCheck;
import dev.topowatch.topology.check.TcpCheck;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;

class CheckersTest {
    private static final Instant NOW = Instant.parse("2026-03-03T06:37:24Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void every_probed_kind_has_a_checker_and_groups_have_none() {
        try (var checkers = Checkers.create(clock)) {
            for (var type : EntityType.values()) {
                // A group has no probe of its own: its status is derived from its members.
                assertThat(checkers.forType(type).isPresent()).as("%s has a checker", type).isEqualTo(type != EntityType.GROUP);
            }
        }
    }

    @Test
    void a_checker_that_throws_becomes_a_down_result_with_its_message() {
        Checker broken = (entity, timeout) -> {
            throw new IllegalStateException("driver exploded");
        };
        try (var checkers = Checkers.create(clock).with(EntityType.DATABASE, broken)) {
            var result = checkers.forType(EntityType.DATABASE).orElseThrow()
                    .check(entity("db", EntityType.TCP, new TcpCheck(ConfigText.literal("127.0.0.1"), 5432)), Duration.ofSeconds(1));

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("IllegalStateException: driver exploded");
            assertThat(result.at()).isEqualTo(NOW);
        }
    }

    @Test
    void an_exception_that_quotes_a_configured_secret_is_cleaned_before_it_is_shown() {
        Checker leaky = (entity, timeout) -> {
            throw new IllegalStateException("cannot connect to db.internal.example:5432 as admin");
        };
        var host = ConfigText.of("${DB_HOST}", "db.internal.example");
        try (var checkers = Checkers.create(clock).with(EntityType.TCP, leaky)) {
            var result = checkers.forType(EntityType.TCP).orElseThrow()
                    .check(entity("db", EntityType.TCP, new TcpCheck(host, 5432)), Duration.ofSeconds(1));

            assertThat(result.error()).isEqualTo("IllegalStateException: cannot connect to ******:5432 as admin");
        }
    }

    @Test
    void a_heartbeat_pushed_through_the_shared_registry_is_seen_by_its_checker() {
        try (var checkers = Checkers.create(clock)) {
            checkers.heartbeats().push("backup", dev.topowatch.checkers.heartbeat.Push.up(clock.instant()));

            var result = checkers.forType(EntityType.HEARTBEAT).orElseThrow()
                    .check(entity("backup", EntityType.HEARTBEAT, new HeartbeatCheck(Duration.ofMinutes(5), null)), Duration.ofSeconds(1));

            assertThat(result.status()).isEqualTo(Status.UP);
        }
    }
}
