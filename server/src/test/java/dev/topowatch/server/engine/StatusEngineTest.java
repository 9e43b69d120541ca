package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.server.store.Transition;
import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.server.testing.Topologies;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusEngineTest {
    private static final String SHOP = """
            defaults:
              failure_threshold: 2
              success_threshold: 2
            entities:
              vps:
                type: server
                host: 127.0.0.1
              db:
                type: tcp
                server: vps
                host: 127.0.0.1
                port: 5432
              cache_a: {type: tcp, host: 127.0.0.1, port: 6379}
              cache_b: {type: tcp, host: 127.0.0.1, port: 6380}
              api:
                type: api
                server: vps
                url: http://127.0.0.1:8080/health
                depends_on: [db]
              worker:
                type: tcp
                host: 127.0.0.1
                port: 9000
                depends_on: [{any_of: [cache_a, cache_b]}]
              shop:
                type: group
                members: [api, worker]
                rule: all
              caches:
                type: group
                members: [cache_a, cache_b]
                rule: 1 of 2
            """;

    private final MutableClock clock = MutableClock.at("2026-03-03T06:00:00Z");
    private final RecordingStore store = new RecordingStore();
    private final List<Transition> heard = new ArrayList<>();

    private StatusEngine engine(Topology topology) {
        var engine = new StatusEngine(topology, store, clock);
        engine.addListener((transitions, impact, snapshot) -> heard.addAll(transitions));
        return engine;
    }

    private CheckResult up() {
        return CheckResult.up(clock.instant(), Duration.ofMillis(12));
    }

    private CheckResult down(String why) {
        return CheckResult.down(clock.instant(), Duration.ofMillis(5003), why);
    }

    private void allUp(StatusEngine engine, String... names) {
        for (var name : names) {
            engine.onResult(name, up());
        }
    }

    private Status status(StatusEngine engine, String name) {
        return engine.snapshot().of(name).status();
    }

    @Test
    void everything_is_unknown_before_the_first_check() {
        var engine = engine(Topologies.parse(SHOP));

        assertThat(engine.snapshot().entities().values()).allSatisfy(entity -> assertThat(entity.status()).isEqualTo(Status.UNKNOWN));
        assertThat(heard).isEmpty();
    }

    @Test
    void a_fresh_entity_is_up_at_its_first_good_check_but_not_down_at_its_first_failure() {
        var engine = engine(Topologies.parse(SHOP));

        engine.onResult("db", up());
        engine.onResult("cache_a", down("connection refused"));

        assertThat(status(engine, "db")).isEqualTo(Status.UP);
        assertThat(status(engine, "cache_a")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void down_needs_failure_threshold_failures_in_a_row_and_up_again_needs_success_threshold_successes() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db");

        engine.onResult("db", down("connection refused"));
        assertThat(status(engine, "db")).isEqualTo(Status.UP);
        engine.onResult("db", down("connection refused"));
        assertThat(status(engine, "db")).isEqualTo(Status.DOWN);
        assertThat(engine.snapshot().of("db").lastError()).isEqualTo("connection refused");

        engine.onResult("db", up());
        assertThat(status(engine, "db")).isEqualTo(Status.DOWN);
        engine.onResult("db", up());
        assertThat(status(engine, "db")).isEqualTo(Status.UP);
    }

    @Test
    void a_failing_service_above_a_down_database_is_a_blocked_casualty_naming_its_root() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "api");

        engine.onResult("db", down("connection refused"));
        engine.onResult("db", down("connection refused"));
        engine.onResult("api", down("expected status 200, got 503"));
        engine.onResult("api", down("expected status 200, got 503"));

        var api = engine.snapshot().of("api");
        assertThat(api.status()).isEqualTo(Status.BLOCKED);
        assertThat(api.rootCause()).containsExactly("db");
        assertThat(api.blockedBy()).containsExactly("db");
        assertThat(engine.impact().casualtiesOf("db")).contains("api", "shop");
        assertThat(engine.snapshot().of("shop").status()).isEqualTo(Status.BLOCKED);
    }

    @Test
    void failures_while_a_dependency_is_down_are_counted_apart_from_the_success_ratio() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "api", "api", "api");
        engine.onResult("db", down("refused"));
        engine.onResult("db", down("refused"));

        for (int i = 0; i < 5; i++) {
            engine.onResult("api", down("timeout after 5000 ms"));
        }

        var api = engine.snapshot().of("api");
        assertThat(api.successCount()).isEqualTo(3);
        assertThat(api.failCount()).isZero();
        assertThat(api.blockedCount()).isEqualTo(5);
        assertThat(api.successRatio()).isEqualTo(1.0);
        assertThat(store.checks).filteredOn(check -> check.entity().equals("api") && check.blocked()).hasSize(5);
    }

    @Test
    void when_a_root_recovers_its_casualties_are_unknown_and_checked_afresh_never_down_from_what_failed_while_blocked() {
        var engine = engine(Topologies.parse(SHOP));
        var rechecked = new ArrayList<String>();
        engine.setFreshChecks(rechecked::addAll);
        allUp(engine, "vps", "db", "api");
        engine.onResult("db", down("connection refused"));
        engine.onResult("db", down("connection refused"));
        engine.onResult("api", down("expected status 2xx, got 500"));
        engine.onResult("api", down("expected status 2xx, got 500"));
        var takenWhileBlocked = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        heard.clear();

        engine.onResult("db", up());
        engine.onResult("db", up());

        assertThat(status(engine, "db")).isEqualTo(Status.UP);
        assertThat(status(engine, "api")).isEqualTo(Status.UNKNOWN);
        assertThat(rechecked).containsExactly("api");
        engine.onResult("api", CheckResult.down(takenWhileBlocked, Duration.ofMillis(5003), "expected status 2xx, got 500"));
        assertThat(status(engine, "api")).as("a probe started while blocked decides nothing").isEqualTo(Status.UNKNOWN);
        assertThat(engine.snapshot().of("api").blockedCount()).isEqualTo(3);

        engine.onResult("api", up());

        assertThat(status(engine, "api")).isEqualTo(Status.UP);
        assertThat(heard).filteredOn(transition -> transition.entity().equals("api"))
                .extracting(Transition::from, Transition::to, Transition::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Status.BLOCKED, Status.UNKNOWN, StatusEngine.RELEASED),
                        org.assertj.core.groups.Tuple.tuple(Status.UNKNOWN, Status.UP, "check passes"));
    }

    @Test
    void a_released_casualty_becomes_a_root_only_by_failing_fresh_checks_and_says_their_error() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "api");
        for (int i = 0; i < 2; i++) {
            engine.onResult("db", down("connection refused"));
            engine.onResult("api", down("timeout after 5000 ms"));
        }
        allUp(engine, "db", "db");

        engine.onResult("api", down("expected status 2xx, got 500"));
        assertThat(status(engine, "api")).as("one fresh failure of two needed").isEqualTo(Status.UNKNOWN);
        engine.onResult("api", down("expected status 2xx, got 500"));

        var api = engine.snapshot().of("api");
        assertThat(api.status()).isEqualTo(Status.DOWN);
        assertThat(api.lastError()).isEqualTo("expected status 2xx, got 500");
        assertThat(api.rootCause()).isEmpty();
    }

    @Test
    void a_chain_of_casualties_is_released_link_by_link_when_the_root_at_its_foot_recovers() {
        var engine = engine(Topologies.parse("""
                defaults: {failure_threshold: 1}
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 5432}
                  api: {type: tcp, host: 127.0.0.1, port: 8001, depends_on: [db]}
                  web: {type: tcp, host: 127.0.0.1, port: 8002, depends_on: [api]}
                """));
        var rechecked = new ArrayList<String>();
        engine.setFreshChecks(rechecked::addAll);
        allUp(engine, "db", "api", "web");
        engine.onResult("db", down("connection refused"));
        engine.onResult("api", down("503"));
        engine.onResult("web", down("502"));
        assertThat(status(engine, "web")).isEqualTo(Status.BLOCKED);

        engine.onResult("db", up());

        assertThat(rechecked).containsExactlyInAnyOrder("api", "web");
        assertThat(status(engine, "api")).isEqualTo(Status.UNKNOWN);
        assertThat(status(engine, "web")).isEqualTo(Status.UNKNOWN);
        assertThat(engine.impact().roots()).isEmpty();
    }

    @Test
    void a_service_that_passes_while_its_database_is_down_stays_up() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "api");
        engine.onResult("db", down("refused"));
        engine.onResult("db", down("refused"));

        engine.onResult("api", up());

        assertThat(status(engine, "api")).isEqualTo(Status.UP);
    }

    @Test
    void a_pending_result_leaves_an_entity_unknown_counts_nothing_and_says_what_it_waits_for() {
        var engine = engine(Topologies.parse("""
                defaults: {failure_threshold: 1}
                entities:
                  backup: {type: heartbeat, max_silence: 1m}
                """));
        engine.onResult("backup", up());
        heard.clear();

        engine.onResult("backup", CheckResult.pending(clock.instant(), "waiting for a push"));

        var backup = engine.snapshot().of("backup");
        assertThat(backup.status()).isEqualTo(Status.UNKNOWN);
        assertThat(backup.lastError()).isEqualTo("waiting for a push");
        assertThat(backup.successCount() + backup.failCount() + backup.blockedCount()).isEqualTo(1);
        assertThat(heard).extracting(Transition::from, Transition::to, Transition::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.UP, Status.UNKNOWN, "waiting for a push"));
        engine.onResult("backup", down("no heartbeat for 1m1s (max_silence 1m)"));
        assertThat(status(engine, "backup")).isEqualTo(Status.DOWN);
    }

    @Test
    void a_redundant_dependency_blocks_only_when_every_alternative_is_down() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "cache_a", "cache_b", "worker");
        engine.onResult("cache_a", down("refused"));
        engine.onResult("cache_a", down("refused"));
        engine.onResult("worker", down("refused"));
        engine.onResult("worker", down("refused"));

        assertThat(status(engine, "worker")).as("one cache left: the worker's failure is its own").isEqualTo(Status.DOWN);
        assertThat(status(engine, "caches")).as("1 of 2 holds, redundancy lost").isEqualTo(Status.DEGRADED);

        engine.onResult("cache_b", down("refused"));
        engine.onResult("cache_b", down("refused"));

        var worker = engine.snapshot().of("worker");
        assertThat(worker.status()).isEqualTo(Status.BLOCKED);
        assertThat(worker.rootCause()).containsExactly("cache_a", "cache_b");
        assertThat(status(engine, "caches")).isEqualTo(Status.BLOCKED);
    }

    @Test
    void a_group_is_up_when_every_member_is_and_degraded_when_a_member_is() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "api", "cache_a", "cache_b", "worker");
        assertThat(status(engine, "shop")).isEqualTo(Status.UP);

        engine.onResult("api", CheckResult.degraded(clock.instant(), Duration.ofMillis(2500), "slow: 2500 ms over 2000 ms"));

        assertThat(status(engine, "api")).isEqualTo(Status.DEGRADED);
        assertThat(status(engine, "shop")).isEqualTo(Status.DEGRADED);
    }

    @Test
    void every_change_is_a_transition_with_its_reason_and_root_cause() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "api");
        heard.clear();
        clock.advance(Duration.ofMinutes(1));

        engine.onResult("db", down("connection refused"));
        engine.onResult("db", down("connection refused"));
        engine.onResult("api", down("503"));
        engine.onResult("api", down("503"));

        assertThat(heard).extracting(Transition::entity, Transition::from, Transition::to, Transition::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("db", Status.UP, Status.DOWN, "connection refused"),
                        org.assertj.core.groups.Tuple.tuple("api", Status.UP, Status.BLOCKED, "blocked by db"),
                        org.assertj.core.groups.Tuple.tuple("shop", Status.UP, Status.BLOCKED, "blocked by api"));
        assertThat(heard.get(1).rootCause()).containsExactly("db");
        assertThat(store.transitions).containsAll(heard);
        assertThat(engine.snapshot().of("db").since()).isEqualTo(clock.instant());
    }

    @Test
    void maintenance_hides_an_outage_until_it_ends_and_then_reports_it() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db");
        engine.startMaintenance("db", clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(status(engine, "db")).isEqualTo(Status.MAINTENANCE);
        heard.clear();

        engine.onResult("db", down("refused"));
        engine.onResult("db", down("refused"));
        assertThat(status(engine, "db")).isEqualTo(Status.MAINTENANCE);
        assertThat(heard).isEmpty();
        assertThat(engine.snapshot().of("db").failCount()).as("still checked and counted").isEqualTo(2);

        clock.advance(Duration.ofMinutes(31));
        engine.tick();

        assertThat(status(engine, "db")).isEqualTo(Status.DOWN);
        assertThat(heard).extracting(Transition::from, Transition::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.MAINTENANCE, Status.DOWN));
    }

    @Test
    void board_wide_maintenance_covers_every_entity_and_can_be_ended() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db");

        engine.startMaintenance(null, StatusEngine.UNTIL_ENDED);
        assertThat(engine.snapshot().entities().values()).allSatisfy(e -> assertThat(e.status()).isEqualTo(Status.MAINTENANCE));
        assertThat(engine.maintenanceWindows()).containsKey("");

        engine.endMaintenance(null);
        assertThat(status(engine, "db")).isEqualTo(Status.UP);
        assertThat(status(engine, "api")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_restart_restores_statuses_and_counters_without_new_transitions() {
        var topology = Topologies.parse(SHOP);
        var first = engine(topology);
        allUp(first, "vps", "db", "api");
        first.onResult("db", down("refused"));
        first.onResult("db", down("refused"));
        heard.clear();

        var second = engine(topology);

        assertThat(heard).isEmpty();
        assertThat(status(second, "db")).isEqualTo(Status.DOWN);
        assertThat(second.snapshot().of("db").failCount()).isEqualTo(2);
        second.onResult("db", up());
        assertThat(status(second, "db")).as("still needs two successes after a restart").isEqualTo(Status.DOWN);
    }

    @Test
    void a_new_topology_keeps_unchanged_entities_marks_removed_ones_and_restores_re_added_ones() {
        var engine = engine(Topologies.parse(SHOP));
        allUp(engine, "vps", "db", "db", "api");

        engine.setTopology(Topologies.parse("""
                entities:
                  vps: {type: server, host: 127.0.0.1}
                  db: {type: tcp, server: vps, host: 127.0.0.1, port: 5432}
                  newcomer: {type: tcp, host: 127.0.0.1, port: 1}
                """));

        assertThat(engine.snapshot().of("db").successCount()).isEqualTo(2);
        assertThat(engine.snapshot().of("newcomer").status()).isEqualTo(Status.UNKNOWN);
        assertThat(engine.snapshot().entities()).doesNotContainKey("api");
        assertThat(store.removed).containsKey("api");

        engine.setTopology(Topologies.parse(SHOP));

        assertThat(engine.snapshot().of("api").status()).isEqualTo(Status.UP);
        assertThat(engine.snapshot().of("api").successCount()).isEqualTo(1);
    }

    @Test
    void an_entity_that_keeps_changing_is_flagged_flapping() {
        var engine = engine(Topologies.parse("""
                defaults: {failure_threshold: 1, success_threshold: 1}
                entities:
                  flaky: {type: tcp, host: 127.0.0.1, port: 1}
                """));

        for (int i = 0; i < FlapDetector.WINDOW; i++) {
            engine.onResult("flaky", i % 2 == 0 ? up() : down("refused"));
        }

        assertThat(engine.snapshot().of("flaky").flapping()).isTrue();
    }

    @Test
    void captured_values_are_shown_over_the_static_extra() {
        var engine = engine(Topologies.parse("""
                entities:
                  db:
                    type: tcp
                    host: 127.0.0.1
                    port: 5432
                    extra: {version: "16", owner: team-a}
                """));

        engine.onResult("db", up().withExtra(Map.of("version", "16.4", "size", "1.2 GB")));

        assertThat(engine.snapshot().of("db").extra()).containsExactlyInAnyOrderEntriesOf(
                Map.of("version", "16.4", "size", "1.2 GB", "owner", "team-a"));
    }

    @Test
    void captured_values_stay_with_their_time_while_the_entity_fails_and_are_replaced_when_it_passes_again() {
        var engine = engine(Topologies.parse("defaults: {failure_threshold: 1}\nentities: {db: {type: tcp, host: 127.0.0.1, port: 5432}}\n"));
        var capturedAt = clock.instant();
        engine.onResult("db", up().withExtra(Map.of("size", "1.2 GB")));

        clock.advance(Duration.ofMinutes(1));
        engine.onResult("db", down("connection refused"));
        clock.advance(Duration.ofMinutes(1));
        engine.onResult("db", down("connection refused"));

        assertThat(engine.snapshot().of("db").status()).isEqualTo(Status.DOWN);
        assertThat(engine.snapshot().of("db").extra()).containsEntry("size", "1.2 GB");
        assertThat(engine.capturedAt("db")).as("the values are stale: taken before the last check").contains(capturedAt);

        clock.advance(Duration.ofMinutes(1));
        engine.onResult("db", up().withExtra(Map.of("size", "1.3 GB")));
        assertThat(engine.snapshot().of("db").extra()).containsEntry("size", "1.3 GB");
        assertThat(engine.capturedAt("db")).contains(clock.instant());

        clock.advance(Duration.ofMinutes(1));
        engine.onResult("db", up());
        assertThat(engine.snapshot().of("db").extra()).as("a passing check that captured nothing shows nothing").isEmpty();
        assertThat(engine.capturedAt("db")).isEmpty();
    }

    @Test
    void results_for_entities_not_in_the_topology_are_ignored() {
        var engine = engine(Topologies.parse(SHOP));
        long version = engine.version();

        engine.onResult("ghost", up());
        engine.onResult("shop", up());

        assertThat(engine.version()).isEqualTo(version);
        assertThat(status(engine, "shop")).isEqualTo(Status.UNKNOWN);
    }
}
