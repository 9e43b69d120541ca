package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.server.testing.MutableClock;
import dev.topowatch.server.testing.Topologies;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm of changes is handled as one batch whose work is in proportion to what it changed: the
 * same burst costs the same on a board of 5,000 entities as on one of 20,000. Counts, not time.
 */
class StatusEngineBurstTest {
    /** Each cluster: a database and nine apis that need it. */
    private static final int CLUSTER = 10;
    /** The burst: 200 databases fail and so do their 1,800 apis, 2,000 results at once. */
    private static final int FAILING_CLUSTERS = 200;

    private final MutableClock clock = MutableClock.at("2026-03-03T06:00:00Z");

    private record Run(EngineWork work, List<List<Transition>> heard, StatusEngine engine) {
    }

    private static String topology(int clusters) {
        var yaml = new StringBuilder("defaults: {failure_threshold: 1}\nentities:\n");
        for (int cluster = 0; cluster < clusters; cluster++) {
            yaml.append("  db-").append(cluster).append(": {type: tcp, host: 127.0.0.1, port: 5432}\n");
            for (int api = 1; api < CLUSTER; api++) {
                yaml.append("  api-").append(cluster).append('-').append(api)
                        .append(": {type: tcp, host: 127.0.0.1, port: 8080, depends_on: [db-").append(cluster).append("]}\n");
            }
        }
        return yaml.toString();
    }

    private static List<String> names(int clusters) {
        var names = new ArrayList<String>();
        for (int cluster = 0; cluster < clusters; cluster++) {
            names.add("db-" + cluster);
            for (int api = 1; api < CLUSTER; api++) {
                names.add("api-" + cluster + "-" + api);
            }
        }
        return names;
    }

    /** Every entity up, then the burst as one batch. */
    private Run burst(int clusters) {
        var engine = new StatusEngine(Topologies.parse(topology(clusters)), new RecordingStore(), clock);
        var heard = new ArrayList<List<Transition>>();
        engine.onResults(names(clusters).stream().map(name -> new NamedResult(name, CheckResult.up(clock.instant(), Duration.ofMillis(3)))).toList());
        engine.addListener((transitions, impact, snapshot) -> heard.add(List.copyOf(transitions)));
        clock.advance(Duration.ofSeconds(20));
        engine.onResults(names(FAILING_CLUSTERS).stream()
                .map(name -> new NamedResult(name, CheckResult.down(clock.instant(), Duration.ofMillis(3), "connection refused")))
                .toList());
        return new Run(engine.work(), heard, engine);
    }

    @Test
    void two_thousand_entities_failing_at_once_are_one_batch_whose_work_is_what_they_affect() {
        var small = burst(500);
        var large = burst(2000);

        for (var run : List.of(small, large)) {
            assertThat(run.work().lastBatch()).isEqualTo(2000);
            assertThat(run.heard()).hasSize(1);
            assertThat(run.heard().getFirst()).hasSize(2000);
            var snapshot = run.engine().snapshot();
            assertThat(snapshot.of("db-0").status()).isEqualTo(Status.DOWN);
            assertThat(snapshot.of("api-0-1").status()).isEqualTo(Status.BLOCKED);
            assertThat(snapshot.of("api-0-1").rootCause()).containsExactly("db-0");
            assertThat(snapshot.of("db-" + FAILING_CLUSTERS).status()).isEqualTo(Status.UP);
            assertThat(snapshot.entities().values().stream().filter(status -> status.status() == Status.UP)).hasSize(
                    (run == small ? 500 : 2000) * CLUSTER - 2000);
        }
        // Each failing database is judged with its nine apis; each failing api once more, each entity's
        // status once: a few times the 2,000 affected, and not a judgement more on the larger board.
        assertThat(small.work().lastJudged()).isLessThanOrEqualTo(3 * 2000);
        assertThat(small.work().lastRestated()).isEqualTo(2000);
        assertThat(large.work().lastJudged()).isEqualTo(small.work().lastJudged());
        assertThat(large.work().lastRestated()).isEqualTo(small.work().lastRestated());
    }

    @Test
    void the_recovery_releases_only_the_casualties_of_what_came_back() {
        var run = burst(500);
        clock.advance(Duration.ofSeconds(20));
        var engine = run.engine();
        long judgedBefore = engine.work().judged();

        engine.onResults(List.of(new NamedResult("db-0", CheckResult.up(clock.instant(), Duration.ofMillis(3)))));

        var snapshot = engine.snapshot();
        assertThat(snapshot.of("db-0").status()).isEqualTo(Status.UP);
        // Its nine casualties are released, pending a fresh check; the other 199 outages stand.
        assertThat(snapshot.of("api-0-1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(snapshot.of("api-1-1").status()).isEqualTo(Status.BLOCKED);
        assertThat(engine.work().judged() - judgedBefore).isLessThanOrEqualTo(3 * CLUSTER);
        assertThat(engine.work().lastRestated()).isLessThanOrEqualTo(2 * CLUSTER);
    }
}
