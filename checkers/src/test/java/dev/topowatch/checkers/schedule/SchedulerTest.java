package dev.topowatch.checkers.schedule;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.command.CommandChecker;
import dev.topowatch.checkers.http.HttpChecker;
import dev.topowatch.checkers.support.ManualTimer;
import dev.topowatch.checkers.support.MutableClock;
import dev.topowatch.checkers.support.RawServer;
import dev.topowatch.checkers.tcp.TcpChecker;
import dev.topowatch.topology.Dependency;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.GroupRule;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.GroupCheck;
import dev.topowatch.topology.check.TcpCheck;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static dev.topowatch.checkers.support.Entities.closedPort;
import static dev.topowatch.checkers.support.Entities.entity;
import static dev.topowatch.checkers.support.Entities.get;
import static dev.topowatch.checkers.support.Entities.tcp;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {
    private static final Instant NOW = Instant.parse("2026-03-03T06:37:24Z");
    /** First runs within 20 ms, and a short grace, so that tests need little real time. */
    private static final Scheduler.Options FAST = new Scheduler.Options(Duration.ofMillis(100), Duration.ofMillis(20));
    private static final Duration SHORT = Duration.ofMillis(100);

    private static ServerSocket listening;
    private static OkHttpClient http;

    private final MutableClock clock = new MutableClock(NOW);
    /** Moves the clock too: interval tests move time instead of waiting for it. */
    private final ManualTimer timer = new ManualTimer(clock);
    private final List<CheckOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<Scheduler> started = new ArrayList<>();

    @BeforeAll
    static void listen() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // Accepts and closes, so that however many checks the tests run, its backlog never fills.
        Thread.ofVirtual().start(() -> {
            while (!listening.isClosed()) {
                try {
                    listening.accept().close();
                } catch (IOException closed) {
                    // closed by close(): done
                }
            }
        });
        http = new OkHttpClient();
    }

    @AfterAll
    static void close() throws IOException {
        listening.close();
        http.connectionPool().evictAll();
    }

    @AfterEach
    void stopAll() {
        started.forEach(Scheduler::stop);
    }

    private Scheduler scheduler(Map<EntityType, Checker> checkers) {
        var scheduler = new Scheduler(checkers, clock, outcomes::add, FAST);
        started.add(scheduler);
        return scheduler;
    }

    /** A scheduler on the hand-moved timer and clock. */
    private Scheduler manual(Map<EntityType, Checker> checkers, Scheduler.Options options) {
        var scheduler = new Scheduler(checkers, clock, outcomes::add, options, timer);
        started.add(scheduler);
        return scheduler;
    }

    /**
     * Moves time on by {@code total}; after each run, retry or deadline falling due, waits (in real
     * time, the clock still at its time) until only {@code hanging} probes are under way.
     */
    private void run(Scheduler scheduler, Duration total, int hanging) {
        timer.advance(total, () -> {
            try {
                await(() -> scheduler.probesInFlight() == hanging, Duration.ofSeconds(5));
            } catch (InterruptedException interrupted) {
                throw new AssertionError(interrupted);
            }
        });
    }

    private void run(Scheduler scheduler, Duration total) {
        run(scheduler, total, 0);
    }

    /** The instants at which an entity scheduled {@code from} the timer's start runs until {@code until}. */
    private static List<Instant> runsWithin(String name, Duration interval, Duration spread, Duration from, Duration until) {
        var runs = new ArrayList<Instant>();
        for (var at = from.plus(Scheduler.firstRunDelay(name, interval, spread)); at.compareTo(until) <= 0; at = at.plus(interval)) {
            runs.add(NOW.plus(at));
        }
        return runs;
    }

    private Map<EntityType, Checker> tcpOnly() {
        return Map.of(EntityType.TCP, new TcpChecker(clock));
    }

    private List<CheckOutcome> outcomesOf(String name) {
        return outcomes.stream().filter(outcome -> outcome.name().equals(name)).toList();
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + atMost.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }

    private static Entity probedBy(String name, Duration interval, Duration timeout) {
        return entity(name, EntityType.COMMAND, new dev.topowatch.topology.check.CommandCheck(
                List.of(dev.topowatch.topology.ConfigText.literal("true")), false, 0, null), interval, timeout);
    }

    @Test
    void each_entity_is_checked_on_its_own_interval_and_stamped_by_the_injected_clock() throws Exception {
        var scheduler = manual(tcpOnly(), FAST);
        scheduler.schedule(tcp("fast", listening.getLocalPort(), Duration.ofMillis(50), SHORT));
        scheduler.schedule(tcp("slow", listening.getLocalPort(), Duration.ofMillis(400), SHORT));

        scheduler.start();
        run(scheduler, Duration.ofMillis(900));
        scheduler.stop();

        assertThat(outcomesOf("fast")).map(outcome -> outcome.result().at())
                .isEqualTo(runsWithin("fast", Duration.ofMillis(50), Scheduler.firstRunSpread(2, FAST), Duration.ZERO, Duration.ofMillis(900)));
        assertThat(outcomesOf("slow")).map(outcome -> outcome.result().at())
                .isEqualTo(runsWithin("slow", Duration.ofMillis(400), Scheduler.firstRunSpread(2, FAST), Duration.ZERO, Duration.ofMillis(900)));
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.result().status()).isEqualTo(Status.UP);
            assertThat(outcome.trigger()).isEqualTo(CheckOutcome.Trigger.SCHEDULED);
        });
    }

    @Test
    void first_runs_of_ten_thousand_entities_are_spread_evenly_and_deterministically() {
        var interval = Duration.ofMinutes(15);
        var spread = Duration.ofSeconds(30);
        var perSecond = new int[30];

        IntStream.range(0, 10_000).forEach(i -> {
            var delay = Scheduler.firstRunDelay("svc-" + i, interval, spread);
            assertThat(delay).isBetween(Duration.ZERO, spread);
            perSecond[(int) delay.toSeconds()]++;
        });

        // 333 a second on average; no second gets even half as many again.
        assertThat(IntStream.of(perSecond).max().orElseThrow()).isLessThan(500);
        assertThat(IntStream.of(perSecond).min().orElseThrow()).isGreaterThan(200);
        assertThat(Scheduler.firstRunDelay("postgres_main", interval, spread))
                .isEqualTo(Scheduler.firstRunDelay("postgres_main", interval, spread));
        assertThat(Scheduler.firstRunDelay("postgres_main", Duration.ofSeconds(5), spread)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_target_that_accepts_and_never_answers_does_not_delay_the_others() throws Exception {
        try (var hanging = new RawServer(RawServer.Behaviour.ACCEPT_AND_HANG)) {
            var scheduler = manual(Map.of(EntityType.TCP, new TcpChecker(clock), EntityType.API, new HttpChecker(http, clock)), FAST);
            for (int i = 0; i < 20; i++) {
                scheduler.schedule(entity("hung-" + i, EntityType.API, get("http://127.0.0.1:" + hanging.port() + "/health"),
                        Duration.ofSeconds(100), Duration.ofSeconds(300)));
            }
            scheduler.start();
            timer.advance(FAST.firstRunSpread());
            await(() -> scheduler.probesInFlight() == 20, Duration.ofSeconds(5));
            var added = timer.elapsed();
            scheduler.schedule(tcp("healthy", listening.getLocalPort(), Duration.ofMillis(50), SHORT));

            run(scheduler, Duration.ofMillis(1000), 20);
            scheduler.stop();

            assertThat(outcomesOf("healthy")).map(outcome -> outcome.result().at()).isEqualTo(runsWithin("healthy",
                    Duration.ofMillis(50), Scheduler.firstRunSpread(21, FAST), added, added.plus(Duration.ofMillis(1000))));
            assertThat(outcomesOf("healthy")).allSatisfy(outcome -> assertThat(outcome.result().status()).isEqualTo(Status.UP));
        }
    }

    @Test
    void a_probe_stuck_past_its_deadline_is_reported_down_and_interrupted() throws Exception {
        var interrupted = new AtomicBoolean();
        var entered = new java.util.concurrent.CountDownLatch(1);
        Checker stuck = (entity, timeout) -> {
            entered.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException expected) {
                interrupted.set(true);
            }
            return CheckResult.up(NOW, Duration.ZERO);
        };
        var scheduler = manual(Map.of(EntityType.COMMAND, stuck), FAST);
        scheduler.schedule(probedBy("stuck", Duration.ofHours(1), Duration.ofMillis(200)));
        var firstRun = Scheduler.firstRunDelay("stuck", Duration.ofHours(1), Scheduler.firstRunSpread(1, FAST));

        scheduler.start();
        timer.advance(firstRun);
        assertThat(entered.await(2, TimeUnit.SECONDS)).isTrue();
        // The deadline is the timeout plus the grace: 300 ms after the probe started.
        timer.advance(Duration.ofMillis(299));
        assertThat(outcomes).isEmpty();
        timer.advance(Duration.ofMillis(1));
        await(() -> !outcomes.isEmpty(), Duration.ofSeconds(2));

        var result = outcomes.getFirst().result();
        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("timeout after 200 ms");
        assertThat(result.details()).containsKey("deadline");
        assertThat(result.at()).isEqualTo(NOW.plus(firstRun));
        await(interrupted::get, Duration.ofSeconds(1));
        await(() -> scheduler.probesInFlight() == 0, Duration.ofSeconds(1));
        assertThat(outcomes).hasSize(1);
    }

    @Test
    void checks_of_one_entity_never_overlap_when_they_outlast_the_interval() throws Exception {
        var concurrent = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var release = new java.util.concurrent.Semaphore(0);
        Checker slow = (entity, timeout) -> {
            mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                release.acquire();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
            return CheckResult.up(NOW, Duration.ofMillis(200));
        };
        var scheduler = manual(Map.of(EntityType.COMMAND, slow), FAST);
        scheduler.schedule(probedBy("slow", Duration.ofMillis(30), Duration.ofSeconds(1)));

        scheduler.start();
        for (int probe = 1; probe <= 3; probe++) {
            // Seven intervals come round while each probe is under way: none starts another.
            for (int tick = 0; tick < 21; tick++) {
                timer.advance(Duration.ofMillis(10));
            }
            await(() -> scheduler.probesInFlight() == 1, Duration.ofSeconds(2));
            release.release();
            int done = probe;
            await(() -> outcomes.size() == done && scheduler.probesInFlight() == 0, Duration.ofSeconds(2));
        }
        scheduler.stop();

        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(outcomes).hasSize(3);
    }

    @Test
    void entities_are_added_changed_and_removed_while_running() throws Exception {
        var scheduler = scheduler(tcpOnly());
        scheduler.start();

        scheduler.schedule(tcp("db", listening.getLocalPort(), Duration.ofMillis(50), SHORT));
        await(() -> !outcomesOf("db").isEmpty(), Duration.ofSeconds(1));
        assertThat(outcomesOf("db").getLast().result().status()).isEqualTo(Status.UP);

        scheduler.schedule(tcp("db", closedPort(), Duration.ofMillis(50), SHORT));
        await(() -> outcomesOf("db").getLast().result().status() == Status.DOWN, Duration.ofSeconds(1));

        scheduler.remove("db");
        await(() -> scheduler.probesInFlight() == 0, Duration.ofSeconds(1));
        int afterRemoval = outcomesOf("db").size();
        Thread.sleep(200);

        assertThat(outcomesOf("db")).hasSize(afterRemoval);
        assertThat(scheduler.scheduledNames()).isEmpty();
        assertThat(scheduler.lastResult("db")).isEmpty();
    }

    @Test
    void a_checker_is_told_to_forget_an_entity_removed_or_moved_to_another_checker() {
        var forgotten = new CopyOnWriteArrayList<String>();
        var tcp = new TcpChecker(clock);
        var remembering = new Checker() {
            @Override
            public CheckResult check(Entity entity, Duration timeout) {
                return tcp.check(entity, timeout);
            }

            @Override
            public void forget(String entity) {
                forgotten.add(entity);
            }
        };
        var scheduler = scheduler(Map.of(EntityType.TCP, remembering, EntityType.COMMAND, new CommandChecker(clock)));
        scheduler.replaceAll(List.of(tcp("gone", listening.getLocalPort(), Duration.ofHours(1), SHORT),
                tcp("moved", listening.getLocalPort(), Duration.ofHours(1), SHORT),
                tcp("kept", listening.getLocalPort(), Duration.ofHours(1), SHORT)));

        scheduler.replaceAll(List.of(probedBy("moved", Duration.ofHours(1), SHORT),
                tcp("kept", listening.getLocalPort(), Duration.ofMinutes(30), SHORT)));

        assertThat(forgotten).containsExactlyInAnyOrder("gone", "moved");
    }

    @Test
    void replacing_all_entities_keeps_unchanged_ones_and_drops_missing_ones() {
        var scheduler = scheduler(tcpOnly());
        var kept = tcp("kept", listening.getLocalPort(), Duration.ofHours(1), SHORT);
        scheduler.replaceAll(List.of(kept, tcp("dropped", listening.getLocalPort(), Duration.ofHours(1), SHORT)));

        scheduler.replaceAll(List.of(kept, tcp("added", listening.getLocalPort(), Duration.ofHours(1), SHORT)));

        assertThat(scheduler.scheduledNames()).containsExactlyInAnyOrder("kept", "added");
    }

    @Test
    void the_result_of_a_probe_started_before_a_change_is_not_delivered() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        Checker waits = (entity, timeout) -> {
            try {
                release.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return CheckResult.up(NOW, Duration.ZERO).withDetail("interval", entity.interval().toString());
        };
        var scheduler = manual(Map.of(EntityType.COMMAND, waits), FAST);
        scheduler.schedule(probedBy("job", Duration.ofHours(1), Duration.ofSeconds(3)));
        scheduler.start();
        timer.advance(FAST.firstRunSpread());
        await(() -> scheduler.probesInFlight() == 1, Duration.ofSeconds(1));

        // Time stands still from here: the changed entity's own first run does not come.
        scheduler.schedule(probedBy("job", Duration.ofHours(2), Duration.ofSeconds(3)));
        release.countDown();
        await(() -> scheduler.probesInFlight() == 0, Duration.ofSeconds(1));
        scheduler.runNow("job").orElseThrow().get(1, TimeUnit.SECONDS);

        assertThat(outcomes).singleElement().satisfies(outcome ->
                assertThat(outcome.entity().interval()).isEqualTo(Duration.ofHours(2)));
    }

    @Test
    void run_now_checks_at_once_and_also_tells_the_listener() throws Exception {
        var scheduler = scheduler(tcpOnly());
        scheduler.schedule(tcp("db", listening.getLocalPort(), Duration.ofHours(1), SHORT));
        scheduler.start();
        // Let the hashed first run pass, so that the next is an hour away.
        await(() -> outcomes.size() == 1, Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(5));

        var result = scheduler.runNow("db").orElseThrow().get(1, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        await(() -> outcomes.size() == 2, Duration.ofSeconds(1));
        assertThat(outcomes.getLast().trigger()).isEqualTo(CheckOutcome.Trigger.RUN_NOW);
        assertThat(scheduler.lastResult("db")).contains(result);
        assertThat(scheduler.runNow("unknown")).isEmpty();
    }

    @Test
    void a_fresh_run_asked_while_a_probe_is_under_way_is_a_second_probe_started_after_it() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        var probeStarts = new CopyOnWriteArrayList<Instant>();
        Checker waitsOnce = (entity, timeout) -> {
            probeStarts.add(clock.instant());
            try {
                release.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return CheckResult.up(clock.instant(), Duration.ZERO);
        };
        var scheduler = scheduler(Map.of(EntityType.COMMAND, waitsOnce));
        scheduler.schedule(probedBy("api", Duration.ofHours(1), Duration.ofSeconds(3)));
        scheduler.start();
        // Counted in flight before its thread runs the checker: wait for the checker itself.
        await(() -> probeStarts.size() == 1, Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(30));
        assertThat(scheduler.runFresh("api")).isTrue();
        release.countDown();
        await(() -> outcomes.size() == 2, Duration.ofSeconds(2));

        assertThat(probeStarts).containsExactly(NOW, NOW.plusSeconds(30));
        assertThat(outcomes.getLast().trigger()).isEqualTo(CheckOutcome.Trigger.RUN_NOW);
        assertThat(scheduler.runFresh("unknown")).isFalse();
    }

    @Test
    void groups_and_kinds_without_a_checker_are_not_scheduled() {
        var scheduler = scheduler(tcpOnly());
        var group = entity("billing", EntityType.GROUP, new GroupCheck(List.of("db"), GroupRule.all()));

        assertThat(scheduler.schedule(group)).isFalse();
        assertThat(scheduler.schedule(probedBy("job", SHORT, SHORT))).isFalse();
        assertThat(scheduler.schedule(tcp("db", listening.getLocalPort(), SHORT, SHORT))).isTrue();
        assertThat(scheduler.scheduledNames()).containsExactly("db");
    }

    @Test
    void dependents_of_a_down_entity_are_still_checked_and_carry_their_dependencies() throws Exception {
        var scheduler = scheduler(tcpOnly());
        scheduler.schedule(tcp("db", closedPort(), Duration.ofMillis(50), SHORT));
        var api = tcp("api", listening.getLocalPort(), Duration.ofMillis(50), SHORT);
        scheduler.schedule(new Entity(api.name(), api.type(), null, null, api.interval(), api.timeout(), 1, 1,
                List.of(new Dependency.On("db")), Map.of(), false, true, null, null, api.check(), null, List.of(), null));

        scheduler.start();
        await(() -> outcomesOf("api").size() >= 2 && outcomesOf("db").size() >= 2, Duration.ofSeconds(2));

        assertThat(outcomesOf("db").getFirst().result().status()).isEqualTo(Status.DOWN);
        assertThat(outcomesOf("api").getFirst().entity().dependencyNames()).containsExactly("db");
    }

    @Test
    void a_failing_listener_does_not_stop_the_checks() throws Exception {
        var calls = new AtomicInteger();
        var scheduler = new Scheduler(tcpOnly(), clock, outcome -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        }, FAST);
        started.add(scheduler);
        scheduler.schedule(tcp("db", listening.getLocalPort(), Duration.ofMillis(30), SHORT));

        scheduler.start();

        await(() -> calls.get() >= 3, Duration.ofSeconds(2));
    }

    @Test
    void stopping_leaves_no_thread_or_timer_behind_and_delivers_nothing_more() throws Exception {
        try (var hanging = new RawServer(RawServer.Behaviour.ACCEPT_AND_HANG)) {
            var before = platformThreads();
            var blocking = new TcpCheck(dev.topowatch.topology.ConfigText.literal("127.0.0.1"), hanging.port());
            Checker blocked = (entity, timeout) -> {
                // Holds the probe until interrupted, as a stuck driver would.
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                return CheckResult.up(NOW, Duration.ZERO);
            };
            var scheduler = scheduler(Map.of(EntityType.TCP, new TcpChecker(clock), EntityType.COMMAND, blocked));
            for (int i = 0; i < 50; i++) {
                scheduler.schedule(entity("port-" + i, EntityType.TCP, blocking, Duration.ofMillis(20), SHORT));
                scheduler.schedule(probedBy("stuck-" + i, Duration.ofMillis(20), Duration.ofSeconds(30)));
            }
            scheduler.start();
            await(() -> scheduler.probesInFlight() >= 50, Duration.ofSeconds(2));

            scheduler.stop();
            int delivered = outcomes.size();
            Thread.sleep(150);

            assertThat(scheduler.probesInFlight()).isZero();
            assertThat(outcomes).hasSize(delivered);
            assertThat(platformThreads()).noneMatch(thread -> thread.getName().equals("topowatch-scheduler"));
            assertThat(platformThreads().size()).isLessThanOrEqualTo(before.size());
        }
    }

    private static List<Thread> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.isAlive() && !thread.isVirtual()).toList();
    }

    @Test
    void a_board_of_a_thousand_entities_has_every_one_checked_within_its_first_ten_seconds() throws Exception {
        var scheduler = manual(tcpOnly(), Scheduler.Options.DEFAULT);
        // Refused at once: a thousand connections must not fill the shared listener's backlog.
        var port = closedPort();
        for (int i = 0; i < 1000; i++) {
            scheduler.schedule(tcp("svc-" + i, port, Duration.ofMinutes(5), SHORT));
        }

        scheduler.start();
        run(scheduler, Duration.ofSeconds(10));

        assertThat(outcomes.stream().map(CheckOutcome::name).distinct()).hasSize(1000);
        // An entity added later (a reload) is checked within ten seconds of being added too.
        scheduler.schedule(tcp("added", port, Duration.ofMinutes(5), SHORT));
        run(scheduler, Duration.ofSeconds(10));
        assertThat(outcomesOf("added")).hasSize(1);
    }

    @Test
    void a_failed_check_is_retried_after_the_retry_interval_until_the_failure_threshold() throws Exception {
        var scheduler = manual(tcpOnly(), FAST);
        var port = closedPort();
        var failing = new Entity("db", EntityType.TCP, null, null, Duration.ofMinutes(1), SHORT, 3, 1, List.of(), Map.of(),
                false, true, null, null, new TcpCheck(dev.topowatch.topology.ConfigText.literal("127.0.0.1"), port),
                null, List.of(), Duration.ofSeconds(5));
        scheduler.schedule(failing);
        var firstRun = Scheduler.firstRunDelay("db", Duration.ofMinutes(1), Scheduler.firstRunSpread(1, FAST));

        scheduler.start();
        run(scheduler, firstRun);
        assertThat(outcomesOf("db")).hasSize(1);
        run(scheduler, Duration.ofMillis(4999));
        assertThat(outcomesOf("db")).hasSize(1);
        run(scheduler, Duration.ofMillis(1));
        assertThat(outcomesOf("db")).hasSize(2);
        run(scheduler, Duration.ofSeconds(5));
        // Three failures in a row: the threshold is reached, the next check comes on the interval.
        assertThat(outcomesOf("db")).hasSize(3);
        run(scheduler, Duration.ofSeconds(40));
        assertThat(outcomesOf("db")).hasSize(3).allSatisfy(outcome ->
                assertThat(outcome.result().status()).isEqualTo(Status.DOWN));
        assertThat(outcomesOf("db")).map(outcome -> outcome.result().at())
                .containsExactly(NOW.plus(firstRun), NOW.plus(firstRun).plusSeconds(5), NOW.plus(firstRun).plusSeconds(10));
    }
}
