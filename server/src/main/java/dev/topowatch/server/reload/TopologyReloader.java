package dev.topowatch.server.reload;

import dev.topowatch.topology.Problem;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.LoadResult;
import dev.topowatch.topology.load.Printable;
import dev.topowatch.topology.load.TopologyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Loads the topology file again and applies it when it is valid. An invalid file changes nothing:
 * the last good topology keeps running, and the errors are kept for the board and the log until a
 * later load succeeds.
 */
public final class TopologyReloader {
    private static final Logger LOG = LoggerFactory.getLogger(TopologyReloader.class);

    /** What the board runs, and what became of the last attempt to load the file. */
    public record State(Topology topology, long version, Instant loadedAt, List<String> errors) {
        public State {
            errors = List.copyOf(errors);
        }
    }

    private final Path file;
    private final TopologyLoader loader;
    private final Consumer<Topology> apply;
    private final Consumer<List<String>> onInvalid;
    private final Clock clock;
    private volatile State state;

    /**
     * @param apply     takes a new valid topology into use
     * @param onInvalid told once per distinct set of errors (for alert channels), and with none when the file is valid again
     */
    public TopologyReloader(Path file, Topology initial, TopologyLoader loader, Consumer<Topology> apply,
                            Consumer<List<String>> onInvalid, Clock clock) {
        this.file = file;
        this.loader = loader;
        this.apply = apply;
        this.onInvalid = onInvalid;
        this.clock = clock;
        this.state = new State(initial, 1, clock.instant(), List.of());
    }

    public State state() {
        return state;
    }

    public Path file() {
        return file;
    }

    /** Loads the file now; applies it when valid and different. Returns the state after. */
    public synchronized State reload() {
        var current = state;
        LoadResult result;
        try {
            result = loader.load(file);
        } catch (RuntimeException | StackOverflowError failure) {
            // The loader answers every file with errors; should it ever fail instead, the failure is a
            // reload error like any other (on the page, in /api/summary, alerted), not a log line only.
            LOG.error("topology reload failed file={} error=\"{}\"", file, Printable.line(failure.toString()));
            return rejected(current, List.of(file + ": the topology could not be loaded ("
                    + Printable.line(failure.toString()) + "); the board keeps the last good one"));
        }
        if (!result.isValid()) {
            return rejected(current, result.errors().stream().map(Problem::toString).toList());
        }
        result.warnings().forEach(warning -> LOG.warn("{}", warning));
        var next = result.orThrow();
        if (sameContent(next, current.topology())) {
            if (!current.errors().isEmpty()) {
                LOG.info("topology file is valid again file={}", file);
                state = new State(current.topology(), current.version(), current.loadedAt(), List.of());
                onInvalid.accept(List.of());
            }
            return state;
        }
        apply.accept(next);
        state = new State(next, current.version() + 1, clock.instant(), List.of());
        if (!current.errors().isEmpty()) {
            onInvalid.accept(List.of());
        }
        LOG.info("topology reloaded file={} version={} entities={}", file, state.version(), next.entities().size());
        return state;
    }

    /** Keeps the last good topology, and tells of {@code errors} once (the log, the board's state, the alert channels). */
    private State rejected(State current, List<String> errors) {
        if (!errors.equals(current.errors())) {
            errors.forEach(error -> LOG.warn("reload rejected, keeping the last good topology: {}", error));
            state = new State(current.topology(), current.version(), current.loadedAt(), errors);
            onInvalid.accept(errors);
        }
        return state;
    }

    /** Equal settings, whatever the file's path object: an edit that changes nothing is not a new version. */
    private static boolean sameContent(Topology next, Topology current) {
        return Objects.equals(next.board(), current.board()) && Objects.equals(next.defaults(), current.defaults())
                && Objects.equals(next.alerts(), current.alerts()) && next.entities().equals(current.entities())
                && next.include().equals(current.include()) && next.projectAlerts().equals(current.projectAlerts());
    }
}
