package dev.topowatch.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Timestamps are left out only when standard error is the journal stream systemd names. */
class JournalLogsTest {

    @TempDir
    Path directory;

    @Test
    void the_stream_systemd_names_is_the_journal_and_any_other_is_not() throws Exception {
        var stream = Files.createFile(directory.resolve("stream"));
        var other = Files.createFile(directory.resolve("other"));
        var named = Files.getAttribute(stream, "unix:dev") + ":" + Files.getAttribute(stream, "unix:ino");

        assertThat(JournalLogs.isJournal(named, stream)).isTrue();
        assertThat(JournalLogs.isJournal(named, other)).as("stderr redirected by a child of the service").isFalse();
        assertThat(JournalLogs.isJournal(null, stream)).as("not under systemd").isFalse();
        assertThat(JournalLogs.isJournal("8:nonsense", stream)).isFalse();
        assertThat(JournalLogs.isJournal(named, directory.resolve("missing"))).isFalse();
    }
}
