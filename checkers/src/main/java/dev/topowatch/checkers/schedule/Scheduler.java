package dev.topowatch.checkers.schedule;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.Checkers;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.checkers.internal.Guarded;
import dev.topowatch.checkers.internal.Stopwatch;
import dev.topowatch.topology.Defaults;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs every entity's checker on the entity's own interval and hands each result to one listener.
 *
 * <ul>
 *   <li>Timing is one platform thread ({@code topowatch-scheduler}); every probe runs on a virtual
 *       thread of its own, so a hung target holds one cheap virtual thread and delays nobody else.</li>
 *   <li>First runs are spread by a hash of the entity's name over a millisecond per entity scheduled,
 *       at most {@code Options.firstRunSpread} (10 s by default) and never more than the interval, at
 *       start and for entities added later: a board shows its first statuses within seconds (a small
 *       one at once), 10,000 entities do not fire at once, and each keeps its place across restarts.</li>
 *   <li>At most {@code Options.maxInFlight} probes hold a socket at once; the others wait for a place
 *       (their deadline starts when they get it), so that thousands of hanging targets cannot take
 *       the memory of thousands of sockets and buffers.</li>
 *   <li>A failed check is tried again after the entity's {@code retry_interval} while its failures in
 *       a row are fewer than its {@code failure_threshold}, so that an outage is confirmed in seconds
 *       rather than intervals.</li>
 *   <li>Each probe has a hard deadline, its timeout plus {@code Options.grace}: past it, a {@code down}
 *       "timeout after N ms" result is delivered and the probe is interrupted, whatever it was stuck
 *       on.</li>
 *   <li>A check of an entity never overlaps the previous one: a run that comes round while the last
 *       probe is still going is skipped.</li>
 *   <li>Every entity is checked, also those whose dependencies are down, so that recovery is seen;
 *       telling a root cause from a casualty is the status engine's work, with the entity (and its
 *       dependencies) in each {@link CheckOutcome}.</li>
 *   <li>{@code group} entities, and types without a checker, are not scheduled.</li>
 * </ul>
 *
 * The listener is called on the probe's virtual thread: concurrently for different entities, one at a
 * time and in order for any one entity. A slow listener delays only that entity's next run. Results
 * of a probe that started before its entity was changed or removed, or before {@link #stop()}, are
 * not delivered. Timestamps come from the injected clock; intervals are measured on the monotonic one.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    /**
     * @param grace          added to each entity's timeout to make the hard deadline: a checker that
     *                       honours its timeout has this long to report its own, more precise, error
     * @param firstRunSpread the longest first runs are spread over (never longer than the interval)
     * @param maxInFlight    the most probes under way at once; more wait for a place
     */
    public record Options(Duration grace, Duration firstRunSpread, int maxInFlight) {
        public static final int MAX_IN_FLIGHT = 4096;
        public static final Options DEFAULT = new Options(Duration.ofSeconds(1), Duration.ofSeconds(10));

        public Options {
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(firstRunSpread, "firstRunSpread");
            if (grace.isNegative() || firstRunSpread.isNegative()) {
                throw new IllegalArgumentException("grace and firstRunSpread must not be negative");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
            }
        }

        public Options(Duration grace, Duration firstRunSpread) {
            this(grace, firstRunSpread, MAX_IN_FLIGHT);
        }
    }

    private enum State { NEW, RUNNING, STOPPED }

    private final Map<EntityType, Checker> checkers;
    private final Clock clock;
    private final Consumer<CheckOutcome> listener;
    private final Options options;
    private final Timer timer;
    private final Semaphore places;
    /** Scheduled entities, and removed ones whose last probe has not finished yet. */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;

    /** @param timer times runs, retries and deadlines; closed by {@link #stop()} */
    public Scheduler(Map<EntityType, Checker> checkers, Clock clock, Consumer<CheckOutcome> listener, Options options,
                     Timer timer) {
        Objects.requireNonNull(checkers, "checkers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = Objects.requireNonNull(options, "options");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.places = new Semaphore(options.maxInFlight());
        var guarded = new EnumMap<EntityType, Checker>(EntityType.class);
        checkers.forEach((type, checker) -> guarded.put(type, Guarded.wrap(checker, clock)));
        this.checkers = Map.copyOf(guarded);
    }

    public Scheduler(Map<EntityType, Checker> checkers, Clock clock, Consumer<CheckOutcome> listener, Options options) {
        this(checkers, clock, listener, options, Timer.system());
    }

    public Scheduler(Map<EntityType, Checker> checkers, Clock clock, Consumer<CheckOutcome> listener) {
        this(checkers, clock, listener, Options.DEFAULT);
    }

    /** A scheduler over the standard checkers and their clock. */
    public static Scheduler of(Checkers checkers, Consumer<CheckOutcome> listener) {
        return new Scheduler(checkers.asMap(), checkers.clock(), listener);
    }

    /** Starts the timer and every entity scheduled so far. Once only. */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("a scheduler starts once; this one is " + state.name().toLowerCase());
            }
            state = State.RUNNING;
        }
        for (var slot : slots.values()) {
            synchronized (slot) {
                if (!slot.removed && slot.ticks == null) {
                    slot.ticks = scheduleTicks(slot);
                }
            }
        }
        LOG.info("scheduler started entities={}", scheduledNames().size());
    }

    /**
     * Stops timing, interrupts the probes under way and waits a moment for them to end. No result is
     * delivered after this returns. Stopping twice, or before starting, is harmless.
     */
    public void stop() {
        synchronized (lifecycle) {
            var wasRunning = state == State.RUNNING;
            state = State.STOPPED;
            if (!wasRunning) {
                return;
            }
        }
        var probes = new ArrayList<Thread>();
        for (var slot : slots.values()) {
            synchronized (slot) {
                slot.cancelTimers();
                if (slot.running != null) {
                    slot.running.thread.interrupt();
                    probes.add(slot.running.thread);
                }
            }
        }
        timer.close();
        try {
            for (var probe : probes) {
                probe.join(options.grace().plusMillis(100));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.info("scheduler stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Adds {@code entity}, or replaces the one of that name. A replaced entity's probe under way is
     * interrupted and its result dropped; an unchanged entity keeps its place in time.
     *
     * @return whether it is probed: false for a {@code group} and for a type with no checker (any
     *         entity of that name is then removed)
     */
    public boolean schedule(Entity entity) {
        Objects.requireNonNull(entity, "entity");
        var checker = checkers.get(entity.type());
        if (checker == null) {
            remove(entity.name());
            if (entity.type() != EntityType.GROUP) {
                LOG.warn("not scheduled entity={} kind={} reason=\"no checker for this kind\"", entity.name(), entity.type());
            }
            return false;
        }
        while (true) {
            var slot = slots.computeIfAbsent(entity.name(), Slot::new);
            synchronized (slot) {
                if (slots.get(entity.name()) != slot) {
                    continue; // drained and dropped meanwhile: take the new one
                }
                if (!slot.removed && entity.equals(slot.entity)) {
                    return true;
                }
                if (slot.checker != null && slot.checker != checker) {
                    slot.checker.forget(entity.name());
                }
                slot.removed = false;
                slot.generation++;
                slot.entity = entity;
                slot.checker = checker;
                slot.failuresInRow = 0;
                slot.cancelTimers();
                if (slot.running != null) {
                    slot.running.thread.interrupt();
                }
                if (state == State.RUNNING) {
                    slot.ticks = scheduleTicks(slot);
                }
                return true;
            }
        }
    }

    /** Stops checking {@code name}; its probe under way is interrupted and its result dropped. */
    public boolean remove(String name) {
        return inSlot(name, false, slot -> {
            slot.removed = true;
            slot.generation++;
            slot.last = null;
            if (slot.checker != null) {
                slot.checker.forget(name);
            }
            slot.cancelTimers();
            if (slot.running != null) {
                slot.running.thread.interrupt();
            } else {
                slots.remove(name, slot);
            }
            return true;
        });
    }

    /**
     * Makes the scheduled set exactly {@code entities}, as after a topology reload: new ones are
     * added, changed ones replaced, missing ones removed, unchanged ones left alone.
     */
    public void replaceAll(Collection<Entity> entities) {
        var names = entities.stream().map(Entity::name).collect(Collectors.toSet());
        for (var name : scheduledNames()) {
            if (!names.contains(name)) {
                remove(name);
            }
        }
        entities.forEach(this::schedule);
    }

    /**
     * Checks {@code name} now, outside its interval (whose rhythm stays as it was). The result also
     * goes to the listener. When a probe of it is already under way, that probe's result is the answer.
     *
     * @return the result to come; empty when no such entity is scheduled
     * @throws IllegalStateException when the scheduler is not running
     */
    public Optional<CompletableFuture<CheckResult>> runNow(String name) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("the scheduler is not running");
        }
        return inSlot(name, Optional.empty(), slot -> {
            if (slot.running != null) {
                return Optional.of(slot.running.done);
            }
            var run = startRun(slot, CheckOutcome.Trigger.RUN_NOW);
            return run == null ? Optional.empty() : Optional.of(run.done);
        });
    }

    /**
     * Checks {@code name} with a probe that starts now or later: unlike {@link #runNow}, a probe
     * already under way will not do (it started before whatever made its answer stale, such as the
     * recovery of what the entity depends on), so another runs as soon as it ends. The result goes to
     * the listener.
     *
     * @return whether such a probe is started or will be; false when no such entity is scheduled or
     *         the scheduler is not running
     */
    public boolean runFresh(String name) {
        if (state != State.RUNNING) {
            return false;
        }
        return inSlot(name, false, slot -> {
            if (slot.running != null) {
                slot.freshRunOwed = true;
                return true;
            }
            return startRun(slot, CheckOutcome.Trigger.RUN_NOW) != null;
        });
    }

    /** {@code action} on the slot of {@code name}, holding its lock; {@code absent} when it is not scheduled. */
    private <T> T inSlot(String name, T absent, Function<Slot, T> action) {
        var slot = slots.get(name);
        if (slot == null) {
            return absent;
        }
        synchronized (slot) {
            return slot.removed ? absent : action.apply(slot);
        }
    }

    /** The names of the entities being checked. */
    public Set<String> scheduledNames() {
        var names = new HashSet<String>();
        slots.forEach((name, slot) -> {
            synchronized (slot) {
                if (!slot.removed) {
                    names.add(name);
                }
            }
        });
        return Set.copyOf(names);
    }

    /** The last result delivered for {@code name}, if any. */
    public Optional<CheckResult> lastResult(String name) {
        var slot = slots.get(name);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.last);
        }
    }

    /** How many probes are under way right now. */
    public int probesInFlight() {
        int count = 0;
        for (var slot : slots.values()) {
            synchronized (slot) {
                if (slot.running != null) {
                    count++;
                }
            }
        }
        return count;
    }

    /** What first runs are spread over with {@code entities} scheduled: a millisecond each, at most the option's. */
    public static Duration firstRunSpread(int entities, Options options) {
        var spread = Duration.ofMillis(Math.max(1, entities));
        return spread.compareTo(options.firstRunSpread()) < 0 ? spread : options.firstRunSpread();
    }

    /**
     * How long after start an entity first runs: a fixed point within {@code min(interval, spread)},
     * from a hash of its name. Deterministic, so that each entity keeps its place across restarts
     * and reloads, and spread evenly, so that many entities do not fire together.
     */
    public static Duration firstRunDelay(String name, Duration interval, Duration spread) {
        long window = Math.max(1, Math.min(interval.toMillis(), spread.toMillis()));
        return Duration.ofMillis(Math.floorMod(mix(name.hashCode()), window));
    }

    /** SplitMix64's finaliser: String.hashCode is stable but poorly spread for names like svc-1, svc-2. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The loader fills these in; an entity built by hand may leave them out. */
    private static Duration intervalOf(Entity entity) {
        return Objects.requireNonNullElse(entity.interval(), Defaults.BUILT_IN.interval());
    }

    private static Duration timeoutOf(Entity entity) {
        return Objects.requireNonNullElse(entity.timeout(), Defaults.BUILT_IN.timeout());
    }

    /** Built-in: 5 s, or the interval if shorter. */
    private static Duration retryOf(Entity entity) {
        var retry = Objects.requireNonNullElse(entity.retryInterval(), Defaults.BUILT_IN.retryInterval());
        return retry.compareTo(intervalOf(entity)) < 0 ? retry : intervalOf(entity);
    }

    /** Called holding the slot's lock, while running. */
    private Timer.Task scheduleTicks(Slot slot) {
        var first = firstRunDelay(slot.name, intervalOf(slot.entity), firstRunSpread(slots.size(), options));
        return timer.every(first, intervalOf(slot.entity), () -> tick(slot));
    }

    /** On the timer thread: must be quick and must not throw (a periodic task that throws never runs again). */
    private void tick(Slot slot) {
        try {
            synchronized (slot) {
                if (slot.removed || state != State.RUNNING) {
                    return;
                }
                if (slot.running != null) {
                    slot.skipped++;
                    LOG.debug("check skipped entity={} reason=\"previous check still running\" skipped={}", slot.name, slot.skipped);
                    return;
                }
                startRun(slot, CheckOutcome.Trigger.SCHEDULED);
            }
        } catch (RuntimeException unexpected) {
            LOG.error("scheduler tick failed entity={}", slot.name, unexpected);
        }
    }

    /** On the timer thread: a retry after a failure, unless a run came round meanwhile. */
    private void retry(Slot slot, long generation) {
        try {
            synchronized (slot) {
                slot.retry = null;
                if (!slot.removed && slot.generation == generation && slot.running == null) {
                    startRun(slot, CheckOutcome.Trigger.SCHEDULED);
                }
            }
        } catch (RuntimeException unexpected) {
            LOG.error("scheduler retry failed entity={}", slot.name, unexpected);
        }
    }

    /** Called holding the slot's lock. Null when the scheduler is stopping. */
    private Run startRun(Slot slot, CheckOutcome.Trigger trigger) {
        if (state != State.RUNNING) {
            return null;
        }
        if (slot.retry != null) {
            slot.retry.cancel();
            slot.retry = null;
        }
        var run = new Run(slot, slot.entity, slot.checker, slot.generation, trigger);
        run.thread = Thread.ofVirtual().name("check-" + slot.name).unstarted(() -> probe(run));
        slot.running = run;
        run.thread.start();
        return run;
    }

    /**
     * On the probe's virtual thread: waits for a place among the probes in flight, then probes with
     * its deadline running. Interrupted while waiting, it was replaced, removed or stopped: its
     * result is not delivered.
     */
    private void probe(Run run) {
        boolean placed = false;
        try {
            places.acquire();
            placed = true;
            run.watch = Stopwatch.start(clock);
            run.deadline = timer.after(timeoutOf(run.entity).plus(options.grace()), () -> expire(run));
            var result = run.checker.check(run.entity, timeoutOf(run.entity));
            if (run.claimed.compareAndSet(false, true)) {
                run.deadline.cancel();
                deliver(run, result);
            }
        } catch (InterruptedException notStarted) {
            if (run.claimed.compareAndSet(false, true)) {
                deliver(run, CheckResult.down(clock.instant(), Duration.ZERO, "interrupted while waiting to start"));
            }
        } catch (Throwable fatal) {
            // Guarded lets only VirtualMachineErrors through; still, the run must end cleanly.
            if (run.claimed.compareAndSet(false, true)) {
                if (run.deadline != null) {
                    run.deadline.cancel();
                }
                deliver(run, CheckResult.down(clock.instant(), Duration.ZERO, fatal.getClass().getSimpleName()));
            }
            throw fatal;
        } finally {
            if (placed) {
                places.release();
            }
            // If the deadline won, wait for its result to be delivered, so that this entity's next
            // result can never overtake it.
            run.done.join();
            finish(run);
        }
    }

    /** On the timer thread, at the hard deadline. */
    private void expire(Run run) {
        if (!run.claimed.compareAndSet(false, true)) {
            return;
        }
        var result = CheckResult.down(run.watch.at(), run.watch.elapsed(), Failures.timeout(timeoutOf(run.entity)))
                .withDetail("deadline", "the probe did not return within its timeout plus "
                        + options.grace().toMillis() + " ms and was interrupted");
        // Not on the timer thread: the listener may be slow, and the timer serves everyone.
        Thread.ofVirtual().name("check-deadline-" + run.slot.name).start(() -> {
            deliver(run, result);
            run.thread.interrupt();
        });
    }

    private void deliver(Run run, CheckResult result) {
        try {
            boolean current;
            var slot = run.slot;
            synchronized (slot) {
                current = state == State.RUNNING && !slot.removed && slot.generation == run.generation;
                if (current) {
                    slot.last = result;
                }
            }
            if (current) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("check entity={} kind={} status={} latencyMs={} error=\"{}\"", slot.name, run.entity.type(),
                            result.status(), result.latency().toMillis(), result.error() == null ? "" : result.error());
                }
                listener.accept(new CheckOutcome(run.entity, result, run.trigger));
            }
        } catch (RuntimeException listenerFailed) {
            LOG.error("result listener failed entity={}", run.slot.name, listenerFailed);
        } finally {
            run.done.complete(result);
        }
    }

    private void finish(Run run) {
        var slot = run.slot;
        synchronized (slot) {
            if (slot.running == run) {
                slot.running = null;
            }
            if (!slot.removed && slot.generation == run.generation && state == State.RUNNING) {
                planRetry(slot, run.done.getNow(null));
            }
            if (slot.removed && slot.running == null) {
                slots.remove(slot.name, slot);
            } else if (slot.freshRunOwed && slot.running == null) {
                slot.freshRunOwed = false;
                startRun(slot, CheckOutcome.Trigger.RUN_NOW);
            }
        }
    }

    /**
     * Counts the failures in a row and, below the threshold, tries again after the retry interval
     * (when that comes before the next run). Called holding the slot's lock.
     */
    private void planRetry(Slot slot, CheckResult result) {
        if (result == null || result.isPending() || result.status() != Status.DOWN) {
            slot.failuresInRow = 0;
            return;
        }
        slot.failuresInRow++;
        var retry = retryOf(slot.entity);
        if (slot.failuresInRow < slot.entity.failureThreshold() && retry.compareTo(intervalOf(slot.entity)) < 0
                && slot.retry == null && !slot.freshRunOwed) {
            long generation = slot.generation;
            slot.retry = timer.after(retry, () -> retry(slot, generation));
        }
    }

    /** One entity's place in the schedule. Guarded by its own monitor. */
    private static final class Slot {
        final String name;
        Entity entity;
        Checker checker;
        long generation;
        boolean removed;
        Timer.Task ticks;
        /** A retry after a failure, due before the next run. */
        Timer.Task retry;
        int failuresInRow;
        Run running;
        CheckResult last;
        long skipped;
        /** {@link #runFresh} was asked while a probe was under way: another runs when it ends. */
        boolean freshRunOwed;

        Slot(String name) {
            this.name = name;
        }

        void cancelTimers() {
            if (ticks != null) {
                ticks.cancel();
                ticks = null;
            }
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
        }
    }

    /** One probe of one entity. */
    private static final class Run {
        final Slot slot;
        final Entity entity;
        final Checker checker;
        final long generation;
        final CheckOutcome.Trigger trigger;
        /** Started when the probe gets its place. */
        volatile Stopwatch watch;
        /** Whoever sets this delivers the result: the probe, or the deadline. */
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<CheckResult> done = new CompletableFuture<>();
        volatile Thread thread;
        volatile Timer.Task deadline;

        Run(Slot slot, Entity entity, Checker checker, long generation, CheckOutcome.Trigger trigger) {
            this.slot = slot;
            this.entity = entity;
            this.checker = checker;
            this.generation = generation;
            this.trigger = trigger;
        }
    }
}
