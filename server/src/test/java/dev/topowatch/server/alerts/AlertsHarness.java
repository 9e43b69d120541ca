package dev.topowatch.server.alerts;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.server.store.Store;
import dev.topowatch.server.testing.Topologies;
import dev.topowatch.topology.Topology;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The alerting path with real parts: a SQLite file, the status engine and the alerter, fed check
 * results by the test (the checkers have tests of their own) and delivering over real HTTP to a fake
 * Bot API and a webhook receiver. {@link #restart()} closes everything and opens it again on the same
 * file, as a board restarted after a crash would.
 */
final class AlertsHarness implements AutoCloseable {
    static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    private final Path database;
    private final Clock clock;
    private final UnaryOperator<Store> storeWrapper;
    private final AlertPictures pictures;
    Topology topology;
    Store store;
    StatusEngine engine;
    Alerter alerter;

    AlertsHarness(Path database, Clock clock, String yaml) throws Exception {
        this(database, clock, yaml, UnaryOperator.identity());
    }

    /** @param storeWrapper injects failures into the store the alerter sees (a crash before marking) */
    AlertsHarness(Path database, Clock clock, String yaml, UnaryOperator<Store> storeWrapper) throws Exception {
        this(database, clock, yaml, storeWrapper, root -> Optional.empty());
    }

    private AlertsHarness(Path database, Clock clock, String yaml, UnaryOperator<Store> storeWrapper, AlertPictures pictures)
            throws Exception {
        this(database, clock, Topologies.parse(yaml), storeWrapper, pictures);
    }

    private AlertsHarness(Path database, Clock clock, Topology topology, UnaryOperator<Store> storeWrapper, AlertPictures pictures)
            throws Exception {
        this.database = database;
        this.clock = clock;
        this.storeWrapper = storeWrapper;
        this.pictures = pictures;
        this.topology = topology;
        open();
    }

    /** With a topology loaded from files (one that includes others). */
    static AlertsHarness of(Path database, Clock clock, Topology topology) throws Exception {
        return new AlertsHarness(database, clock, topology, UnaryOperator.identity(), root -> Optional.empty());
    }

    /** With {@code pictures} for root-cause alerts (none otherwise). */
    static AlertsHarness withPictures(Path database, Clock clock, String yaml, AlertPictures pictures) throws Exception {
        return new AlertsHarness(database, clock, yaml, UnaryOperator.identity(), pictures);
    }

    /** Opens everything again after {@link #close()}, on the same file. */
    void open() throws Exception {
        store = storeWrapper.apply(SqliteStore.open(database, clock, Duration.ofDays(30)));
        engine = new StatusEngine(topology, store, clock);
        alerter = new Alerter(store, clock, FAST, engine::snapshot, engine::impact, pictures);
        engine.setAlertPlanner(alerter.rules());
        alerter.configure(topology);
    }

    void down(String entity, String error) {
        engine.onResult(entity, CheckResult.down(clock.instant(), Duration.ofMillis(3), error));
    }

    void degraded(String entity, String why) {
        engine.onResult(entity, CheckResult.degraded(clock.instant(), Duration.ofMillis(2500), why));
    }

    void up(String entity) {
        engine.onResult(entity, CheckResult.up(clock.instant(), Duration.ofMillis(3)));
    }

    /** A result of a probe that started at {@code at}, delivered now (one in flight across a change). */
    void downTakenAt(Instant at, String entity, String error) {
        engine.onResult(entity, CheckResult.down(at, Duration.ofMillis(3), error));
    }

    /** Waits until the outbox holds nothing undelivered: every alert decided so far was sent or superseded. */
    void awaitOutboxEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        store.flush();
        while (!alerter.undelivered().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still undelivered: " + alerter.undelivered());
            }
            Thread.sleep(20);
            store.flush();
        }
    }

    void restart() throws Exception {
        close();
        open();
    }

    void reload(String yaml) {
        topology = Topologies.parse(yaml);
        alerter.configure(topology);
        engine.setTopology(topology);
    }

    @Override
    public void close() {
        alerter.close();
        store.close();
    }
}
