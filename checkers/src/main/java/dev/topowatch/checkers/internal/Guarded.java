package dev.topowatch.checkers.internal;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.topology.Entity;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the promise of {@link Checker}: whatever the wrapped checker throws becomes a {@code down}
 * result that says what happened, so one bug in one probe cannot stop the scheduler or the others.
 */
public record Guarded(Checker checker, Clock clock) implements Checker {

    public Guarded {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(clock, "clock");
    }

    /** {@code checker} guarded, unless it already is. */
    public static Checker wrap(Checker checker, Clock clock) {
        return checker instanceof Guarded ? checker : new Guarded(checker, clock);
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        var watch = Stopwatch.start(clock);
        try {
            var result = checker.check(entity, timeout);
            if (result == null) {
                return CheckResult.down(watch.at(), watch.elapsed(), "the " + entity.type() + " checker gave no result");
            }
            return result;
        } catch (VirtualMachineError fatal) {
            // Out of memory is not this entity's problem; let it reach the JVM.
            throw fatal;
        } catch (Throwable failure) {
            return CheckResult.down(watch.at(), watch.elapsed(),
                    Failures.unexpected(failure, Redactor.forEntity(entity)));
        }
    }

    @Override
    public void forget(String entity) {
        checker.forget(entity);
    }
}
