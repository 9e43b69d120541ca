package dev.topowatch.server.engine;

import dev.topowatch.checkers.CheckResult;

import java.util.Objects;

/** One result of an entity's own check, as a batch for {@link StatusEngine#onResults} holds it. */
public record NamedResult(String name, CheckResult result) {

    public NamedResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
    }
}
