package dev.topowatch.checkers.database;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static dev.topowatch.checkers.database.DatabaseEntities.checker;
import static dev.topowatch.checkers.database.DatabaseEntities.database;
import static org.assertj.core.api.Assertions.assertThat;

/** Servers that are not there, or that accept the connection and then never answer. */
class UnreachableDatabaseTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1000);

    private static String url(Engine engine, int port) {
        return "jdbc:" + engine.name().toLowerCase(Locale.ROOT) + "://127.0.0.1:" + port + "/app";
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB", "MYSQL"})
    void server_not_listening_is_down_with_connection_refused(Engine engine) throws Exception {
        var result = checker().check(database(engine, url(engine, HangingServer.closedPort()), "app", "pw"),
                TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB", "MYSQL"})
    void server_that_accepts_and_never_answers_is_down_with_a_timeout_in_time(Engine engine) throws Exception {
        try (var hanging = new HangingServer()) {
            long started = System.nanoTime();
            var result = checker().check(database(engine, url(engine, hanging.port()), "app", "pw"), TIMEOUT);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("timeout after 1000 ms");
            // Loosely: the deadline holds, give or take scheduling on a busy machine.
            assertThat(tookMillis).isLessThan(3 * TIMEOUT.toMillis());
            assertThat(result.latency()).isLessThan(TIMEOUT.multipliedBy(3));
            assertThat(hanging.connectionsAccepted()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void connection_given_up_on_is_closed_rather_than_left_open(Engine engine) throws Exception {
        // A check every interval against a hung server must not pile up open connections on it.
        try (var hanging = new HangingServer()) {
            checker().check(database(engine, url(engine, hanging.port()), "app", "pw"), Duration.ofMillis(300));

            assertThat(hanging.connectionsAccepted()).isPositive();
            assertThat(hanging.allClosedByClientWithin(Duration.ofSeconds(3))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void host_from_the_environment_is_not_shown_when_it_cannot_be_resolved(Engine engine) {
        var scheme = engine.name().toLowerCase(Locale.ROOT);
        var url = ConfigText.of("jdbc:" + scheme + "://${DB_HOST}:5432/app",
                "jdbc:" + scheme + "://secret-host-name.invalid:5432/app");

        var result = checker().check(database(engine, url, "app", "pw", "SELECT 1", Map.of()), TIMEOUT);

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).doesNotContain("secret-host-name");
        assertThat(result.error()).contains("${DB_HOST}");
    }
}
