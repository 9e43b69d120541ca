package dev.topowatch.diagram.layout;

import dev.topowatch.topology.Board;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which layout engine draws a topology, from the {@code board.layout} setting and what is installed.
 * A setting is honoured or the choice says why not: nothing silently does something else.
 */
public final class LayoutEngines {
    private static final Logger LOG = LoggerFactory.getLogger(LayoutEngines.class);
    /** Each fallback is logged once per process, not on every reload or focus view. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private LayoutEngines() {
    }

    /**
     * The engine picked for a setting.
     *
     * @param note null when the setting is honoured; otherwise a sentence saying what was asked, why it
     *             cannot be done here and what is used instead
     */
    public record Choice(LayoutEngine engine, String note) {
        public Choice {
            Objects.requireNonNull(engine, "engine");
        }

        public boolean honoured() {
            return note == null;
        }
    }

    /** {@link #choose(Board.Layout)}'s engine; a fallback is logged as a warning, once. */
    public static LayoutEngine forPreference(Board.Layout preference) {
        var choice = choose(preference);
        if (!choice.honoured() && WARNED.add(choice.note())) {
            LOG.warn("{}", choice.note());
        }
        return choice.engine();
    }

    /** The choice with Graphviz's {@code dot} looked up on the PATH. */
    public static Choice choose(Board.Layout preference) {
        return choose(preference, DotLayoutEngine.find());
    }

    /**
     * {@code auto}: Graphviz's {@code dot} when it is installed; else ELK, which is as fast as Smetana up
     * to 500 entities, five times faster at 2,000 and draws fewer edges upward (bench/README.md,
     * "Diagram"), so no size calls for Smetana. {@code dot}, {@code elk} and {@code smetana} are that
     * engine; only {@code dot} can be missing, and then ELK draws with a note saying so.
     *
     * @param dot the {@code dot} binary, empty when it is not installed
     */
    public static Choice choose(Board.Layout preference, Optional<Path> dot) {
        return switch (preference) {
            case AUTO -> new Choice(dot.<LayoutEngine>map(DotLayoutEngine::new).orElseGet(ElkLayoutEngine::new), null);
            case DOT -> dot.map(binary -> new Choice(new DotLayoutEngine(binary), null))
                    .orElseGet(() -> new Choice(new ElkLayoutEngine(), "layout dot requested but no dot binary on the PATH; using elk"));
            case ELK -> new Choice(new ElkLayoutEngine(), null);
            case SMETANA -> new Choice(new SmetanaLayoutEngine(), null);
        };
    }
}
