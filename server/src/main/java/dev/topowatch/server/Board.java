package dev.topowatch.server;

import dev.topowatch.checkers.Checkers;
import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.checkers.schedule.CheckOutcome;
import dev.topowatch.checkers.schedule.Scheduler;
import dev.topowatch.diagram.DiagramRequest;
import dev.topowatch.diagram.DiagramService;
import dev.topowatch.diagram.Viewport;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.server.alerts.Alerter;
import dev.topowatch.server.alerts.Backoff;
import dev.topowatch.server.api.App;
import dev.topowatch.server.api.CheckControl;
import dev.topowatch.server.api.Dependencies;
import dev.topowatch.server.api.TopologyInfo;
import dev.topowatch.server.engine.ResultQueue;
import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.reload.FileWatcher;
import dev.topowatch.server.reload.TopologyReloader;
import dev.topowatch.server.store.Store;
import dev.topowatch.server.store.Transition;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.graph.ImpactReport;
import dev.topowatch.topology.HostPort;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.TopologyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The running board: store, status engine, checkers and scheduler, HTTP app and file watcher, wired
 * together and started in order; closed in the reverse order. Everything is a real part, so a test
 * starts a whole board on port 0 with a temporary database.
 */
public final class Board implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Board.class);
    static final Duration RELOAD_DEBOUNCE = Duration.ofMillis(300);
    static final Duration RELOAD_POLL = Duration.ofSeconds(5);
    static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    static final Duration MAINTENANCE_IDLE_TICK = Duration.ofMinutes(1);
    /** While a window is open: its end shows within a second. */
    private static final Duration MAINTENANCE_OPEN_TICK = Duration.ofSeconds(1);
    /** What an alert's picture is fitted to: a chat shows it about this size. */
    private static final Viewport ALERT_PICTURE = new Viewport(1280, 800);

    private final Store store;
    private final Clock clock;
    private final StatusEngine engine;
    private final ResultQueue results;
    private final Checkers checkers;
    private final Scheduler scheduler;
    private final TopologyReloader reloader;
    private final FileWatcher watcher;
    private final App app;
    private final DiagramService diagram = new DiagramService();
    private final Alerter alerter;
    private final ScheduledExecutorService housekeeping;
    private volatile boolean closing;
    private final Object tickLock = new Object();
    private ScheduledFuture<?> maintenanceTick;

    /**
     * The picture a root's alert carries: the root and what depends on it, as {@code /diagram.png?focus=ROOT}
     * draws it, sized for a chat. None when it cannot be drawn: the alert then goes out as text.
     */
    private Optional<byte[]> alertPicture(String root) {
        try {
            var request = new DiagramRequest(DiagramRequest.View.FOCUS, root, 1, ALERT_PICTURE, Theme.LIGHT);
            return Optional.of(diagram.png(request, engine.snapshot()));
        } catch (RuntimeException failed) {
            LOG.warn("alert picture failed entity={} error=\"{}\"", root, failed.toString());
            return Optional.empty();
        }
    }

    /**
     * @param file     the topology file, watched for edits
     * @param topology its already validated content
     * @param listen   where to serve
     * @param store    opened on the board's database
     */
    public Board(Path file, Topology topology, HostPort listen, Store store, TopologyLoader loader, Clock clock)
            throws IOException {
        this.store = store;
        this.clock = clock;
        this.engine = new StatusEngine(topology, store, clock);
        this.results = new ResultQueue(engine);
        this.alerter = new Alerter(store, clock, Backoff.DEFAULT, engine::snapshot, engine::impact, this::alertPicture);
        engine.setAlertPlanner(alerter.rules());
        alerter.configure(topology);
        this.checkers = Checkers.create(clock);
        store.lastPushes().forEach(checkers.heartbeats()::push);
        this.scheduler = new Scheduler(checkers.asMap(), clock, this::onOutcome);
        // Invalid edits are logged, shown in /api/summary and told to the alert channels once.
        this.reloader = new TopologyReloader(file, topology, loader, this::apply, alerter::topologyErrors, clock);
        var checks = new SchedulerControl();
        diagram.update(topology);
        var dependencies = new Dependencies(engine, store, checks, diagram, this::topologyInfo, () -> {
            reloader.reload();
            return topologyInfo();
        }, alerter::undelivered, clock);
        scheduler.replaceAll(topology.entities().values());
        scheduler.start();
        engine.addListener(this::checkDependenciesOfNewRoots);
        engine.setFreshChecks(this::checkReleasedCasualties);
        this.app = App.create(dependencies).start(listen.host(), listen.port());
        this.watcher = new FileWatcher(file, () -> reloader.state().topology().include(), RELOAD_DEBOUNCE, RELOAD_POLL,
                reloader::reload);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("board-housekeeping").daemon().unstarted(runnable));
        armMaintenanceTick(MAINTENANCE_OPEN_TICK);
        engine.addListener((transitions, impact, snapshot) -> {
            if (transitions.stream().anyMatch(transition -> transition.to() == Status.MAINTENANCE)) {
                armMaintenanceTick(MAINTENANCE_OPEN_TICK);
            }
        });
        housekeeping.scheduleWithFixedDelay(() -> store.prune(clock.instant()),
                PRUNE_EVERY.toSeconds(), PRUNE_EVERY.toSeconds(), TimeUnit.SECONDS);
        LOG.info("board started url=http://{} entities={}", new HostPort(listen.host(), app.port()), topology.entities().size());
    }

    /**
     * The engine is ticked every second while a maintenance window is open, so that its end shows on
     * time, and otherwise only as a safety net: a quiet board has no wake-up a second to spare. A
     * window opening is a transition to maintenance, which brings the tick back at once.
     */
    private void tickMaintenance() {
        synchronized (tickLock) {
            maintenanceTick = null;
        }
        engine.tick();
        armMaintenanceTick(engine.maintenanceWindows().isEmpty() ? MAINTENANCE_IDLE_TICK : MAINTENANCE_OPEN_TICK);
    }

    /** Called with the engine's lock held (a listener): takes only its own. */
    private void armMaintenanceTick(Duration delay) {
        synchronized (tickLock) {
            if (housekeeping.isShutdown()) {
                return;
            }
            if (maintenanceTick != null) {
                if (!maintenanceTick.isDone() && maintenanceTick.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                    return;
                }
                maintenanceTick.cancel(false);
            }
            try {
                maintenanceTick = housekeeping.schedule(this::tickMaintenance, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // shut down meanwhile
            }
        }
    }

    public int port() {
        return app.port();
    }

    public App app() {
        return app;
    }

    public StatusEngine engine() {
        return engine;
    }

    public TopologyReloader reloader() {
        return reloader;
    }

    /** The entities the scheduler checks now: what a reload must leave behind, no more and no fewer. */
    public Set<String> scheduledEntities() {
        return scheduler.scheduledNames();
    }

    private void onOutcome(CheckOutcome outcome) {
        results.add(outcome.name(), outcome.result());
    }

    /**
     * A new root may only be a casualty whose dependency has not been checked lately: those are
     * checked now (as Nagios's predictive dependency checks do), so that the alert names the real root.
     */
    private void checkDependenciesOfNewRoots(List<Transition> transitions, ImpactReport impact, StatusSnapshot snapshot) {
        var topology = engine.topology();
        for (var transition : transitions) {
            var entity = topology.entities().get(transition.entity());
            if (transition.to() != Status.DOWN || entity == null) {
                continue;
            }
            for (var dependency : entity.dependencyNames()) {
                if (topology.entities().containsKey(dependency) && snapshot.of(dependency).status() != Status.DOWN
                        && !closing) {
                    scheduler.runNow(dependency);
                }
            }
        }
    }

    /** The casualties of a root that recovered: their verdict comes from a check that starts now. */
    private void checkReleasedCasualties(Set<String> entities) {
        if (!closing) {
            entities.forEach(scheduler::runFresh);
        }
    }

    private void apply(Topology next) {
        var previous = engine.topology().entities().keySet();
        var now = clock.instant();
        next.entities().values().stream()
                .filter(entity -> entity.type() == EntityType.HEARTBEAT && !previous.contains(entity.name()))
                .forEach(heartbeat -> checkers.heartbeats().listenFrom(heartbeat.name(), now));
        alerter.configure(next);
        engine.setTopology(next);
        diagram.update(next);
        scheduler.replaceAll(next.entities().values());
    }

    private TopologyInfo topologyInfo() {
        var state = reloader.state();
        return new TopologyInfo(state.version(), state.loadedAt(), state.errors(), diagram.engineName());
    }

    /** The checkers as the HTTP API may drive them. */
    private final class SchedulerControl implements CheckControl {
        @Override
        public boolean runNow(String entity) {
            return scheduler.runNow(entity).isPresent();
        }

        @Override
        public void push(String entity, Push push) {
            checkers.heartbeats().push(entity, push);
            store.recordPush(entity, push);
            // A probe under way may have read the push before this one.
            scheduler.runFresh(entity);
        }

        @Override
        public boolean isRunning() {
            return !housekeeping.isShutdown();
        }
    }

    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        watcher.close();
        housekeeping.shutdownNow();
        app.close();
        scheduler.close();
        results.close();
        checkers.close();
        alerter.close();
        diagram.close();
        store.close();
    }
}
