package dev.topowatch.topology.load;

import dev.topowatch.topology.Board;
import dev.topowatch.topology.HostPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Reads {@code board:}. */
final class BoardReader {
    static final Set<String> KEYS = Set.of("title", "listen", "database", "token", "read_token", "retention", "layout", "url");

    private BoardReader() {
    }

    /** The board settings; {@code map} may be null when the section is absent. */
    static Board read(YamlMap map, Path directory) {
        var defaultDatabase = directory.resolve("topowatch.db");
        if (map == null) {
            return new Board(Board.DEFAULT_TITLE, Board.DEFAULT_LISTEN, defaultDatabase, null, null,
                    Board.DEFAULT_RETENTION, Board.Layout.AUTO, null);
        }
        map.rejectUnknown(KEYS, " in board");
        var database = map.string("database");
        Urls.check(map, "url", Set.of("http", "https"));
        return new Board(
                title(map),
                listen(map),
                database == null ? defaultDatabase : directory.resolve(database),
                map.secret("token"),
                map.secret("read_token"),
                map.duration("retention", Board.DEFAULT_RETENTION, Duration.ofHours(1)),
                layout(map),
                map.text("url"));
    }

    /**
     * The title heads the page and the start-up line of the log: a line break in it could forge a log
     * line, and a direction override (U+202E) turns the text around, so neither is accepted.
     */
    private static String title(YamlMap map) {
        var scalar = map.scalar("title");
        if (scalar == null || scalar.value().isBlank()) {
            return Board.DEFAULT_TITLE;
        }
        var hidden = scalar.value().codePoints().filter(Printable::hidden).findFirst();
        if (hidden.isPresent()) {
            map.error(scalar.node(), map.field("title") + " must be one line of visible text, without "
                    + String.format(Locale.ROOT, "U+%04X", hidden.getAsInt()) + " (" + Character.getName(hidden.getAsInt()).toLowerCase(Locale.ROOT) + ")");
            return Board.DEFAULT_TITLE;
        }
        return scalar.value();
    }

    private static HostPort listen(YamlMap map) {
        var scalar = map.scalar("listen");
        if (scalar == null) {
            return Board.DEFAULT_LISTEN;
        }
        var parsed = HostPort.parse(scalar.value());
        if (parsed.isEmpty()) {
            map.error(scalar.node(), map.field("listen") + " must be HOST:PORT such as 127.0.0.1:8080 or [::1]:8080, port up to 65535 " + scalar.shown());
            return Board.DEFAULT_LISTEN;
        }
        return parsed.get();
    }

    private static Board.Layout layout(YamlMap map) {
        var scalar = map.scalar("layout");
        if (scalar == null) {
            return Board.Layout.AUTO;
        }
        var names = Arrays.stream(Board.Layout.values()).map(layout -> layout.name().toLowerCase(Locale.ROOT)).toList();
        var word = scalar.value().strip().toLowerCase(Locale.ROOT);
        if (!names.contains(word)) {
            map.error(scalar.node(), map.field("layout") + " must be one of " + String.join(", ", names) + " " + scalar.shown());
            return Board.Layout.AUTO;
        }
        return Board.Layout.valueOf(word.toUpperCase(Locale.ROOT));
    }
}
