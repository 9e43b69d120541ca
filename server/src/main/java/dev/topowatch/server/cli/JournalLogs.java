package dev.topowatch.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Under systemd the journal stamps every line with its own time, so a timestamp of ours would be
 * printed twice ({@code journalctl} shows both). systemd says where the journal is connected through
 * {@code JOURNAL_STREAM=DEVICE:INODE}; the log leaves its timestamp out only when standard error is
 * that stream, since a program started by the service with its output redirected inherits the variable.
 */
final class JournalLogs {
    static final String SHOW_DATE_TIME = "org.slf4j.simpleLogger.showDateTime";

    private JournalLogs() {
    }

    /** Before the first logger is made: slf4j-simple reads its settings once, system properties over its file. */
    static void omitTimestampsInTheJournal() {
        if (System.getProperty(SHOW_DATE_TIME) == null
                && isJournal(System.getenv("JOURNAL_STREAM"), Path.of("/proc/self/fd/2"))) {
            System.setProperty(SHOW_DATE_TIME, "false");
        }
    }

    /** Whether {@code stream} (a file, pipe or socket; links followed) is the one {@code journalStream} names. */
    static boolean isJournal(String journalStream, Path stream) {
        if (journalStream == null || !journalStream.matches("\\d+:\\d+")) {
            return false;
        }
        try {
            var device = Long.toUnsignedString((Long) Files.getAttribute(stream, "unix:dev"));
            var inode = Long.toUnsignedString((Long) Files.getAttribute(stream, "unix:ino"));
            return journalStream.equals(device + ":" + inode);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknowable) {
            return false;
        }
    }
}
