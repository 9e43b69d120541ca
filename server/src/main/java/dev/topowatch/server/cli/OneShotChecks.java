package dev.topowatch.server.cli;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checkers;
import dev.topowatch.topology.Entity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs each entity's check once, all at the same time on virtual threads, each bounded by its timeout. */
final class OneShotChecks {
    /** Past its own timeout a checker has this long to give up before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Checkers checkers;

    OneShotChecks(Checkers checkers) {
        this.checkers = checkers;
    }

    /** Results by entity name; groups and types without a checker have none. */
    Map<String, CheckResult> run(List<Entity> entities) throws InterruptedException {
        var futures = new TreeMap<String, CompletableFuture<CheckResult>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var entity : entities) {
                checkers.forType(entity.type()).ifPresent(checker -> futures.put(entity.name(),
                        CompletableFuture.supplyAsync(() -> checker.check(entity, entity.timeout()), executor)));
            }
            var results = new TreeMap<String, CheckResult>();
            for (var entity : entities) {
                var future = futures.get(entity.name());
                if (future != null) {
                    results.put(entity.name(), await(entity, future));
                }
            }
            executor.shutdownNow();
            return results;
        }
    }

    private CheckResult await(Entity entity, CompletableFuture<CheckResult> future) throws InterruptedException {
        var budget = entity.timeout().plus(GRACE);
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            future.cancel(true);
            return CheckResult.down(checkers.clock().instant(), budget, "timeout after " + entity.timeout().toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException impossible) {
            return CheckResult.down(checkers.clock().instant(), Duration.ZERO, String.valueOf(impossible.getCause()));
        }
    }
}
