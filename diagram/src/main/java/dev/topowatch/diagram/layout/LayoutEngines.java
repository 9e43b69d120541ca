package dev.topowatch.diagram.layout;

import dev.topowatch.topology.Board;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Which layout engine draws a topology, from the {@code board.layout} setting and what is installed. */
public final class LayoutEngines {
    private static final Logger LOG = LoggerFactory.getLogger(LayoutEngines.class);

    private LayoutEngines() {
    }

    /**
     * {@code auto}: Graphviz's {@code dot} when it is installed, else ELK, so a fresh machine needs
     * nothing. {@code dot} without the binary, and {@code smetana} (not built), fall back to ELK with a
     * warning. The name served says which ran.
     */
    public static LayoutEngine forPreference(Board.Layout preference) {
        var dot = DotLayoutEngine.find();
        return switch (preference) {
            case ELK -> new ElkLayoutEngine();
            case AUTO -> dot.<LayoutEngine>map(DotLayoutEngine::new).orElseGet(ElkLayoutEngine::new);
            case DOT, SMETANA -> {
                if (preference == Board.Layout.SMETANA || dot.isEmpty()) {
                    LOG.warn("layout {} is not available here; laying out with elk", preference.name().toLowerCase(Locale.ROOT));
                }
                yield preference == Board.Layout.DOT && dot.isPresent() ? new DotLayoutEngine(dot.get()) : new ElkLayoutEngine();
            }
        };
    }
}
