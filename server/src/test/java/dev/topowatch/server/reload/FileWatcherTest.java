package dev.topowatch.server.reload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FileWatcherTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(100);
    /** Long enough that the tests see the watch events, not the safety-net poll. */
    private static final Duration POLL = Duration.ofMinutes(5);

    @TempDir
    Path directory;

    private final AtomicInteger changes = new AtomicInteger();
    private FileWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private Path watch(String initial) throws IOException {
        var file = directory.resolve("topology.yaml");
        Files.writeString(file, initial);
        watcher = new FileWatcher(file, List::of, DEBOUNCE, POLL, changes::incrementAndGet);
        return file;
    }

    private void awaitChanges(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (changes.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(changes.get()).isEqualTo(expected);
    }

    @Test
    void an_edit_in_place_is_seen() throws Exception {
        var file = watch("a: 1\n");

        Files.writeString(file, "a: 2\n");

        awaitChanges(1);
    }

    @Test
    void a_save_by_rename_as_vim_does_is_seen() throws Exception {
        var file = watch("a: 1\n");

        var swap = directory.resolve(".topology.yaml.swp");
        Files.writeString(swap, "a: 2\n");
        Files.move(swap, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        awaitChanges(1);
    }

    @Test
    void a_symlink_swap_as_kubernetes_config_maps_do_is_seen() throws Exception {
        var first = Files.createDirectory(directory.resolve("..2026_01"));
        Files.writeString(first.resolve("topology.yaml"), "a: 1\n");
        var data = Files.createSymbolicLink(directory.resolve("..data"), first.getFileName());
        var file = Files.createSymbolicLink(directory.resolve("topology.yaml"), Path.of("..data/topology.yaml"));
        watcher = new FileWatcher(file, List::of, DEBOUNCE, POLL, changes::incrementAndGet);

        var second = Files.createDirectory(directory.resolve("..2026_02"));
        Files.writeString(second.resolve("topology.yaml"), "a: 2\n");
        var next = Files.createSymbolicLink(directory.resolve("..data_tmp"), second.getFileName());
        Files.move(next, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        awaitChanges(1);
    }

    @Test
    void a_burst_of_writes_is_one_change() throws Exception {
        var file = watch("a: 0\n");

        for (int i = 1; i <= 20; i++) {
            Files.writeString(file, "a: " + i + "\n");
        }

        awaitChanges(1);
        Thread.sleep(DEBOUNCE.multipliedBy(3).toMillis());
        assertThat(changes.get()).isEqualTo(1);
    }

    @Test
    void saving_the_same_content_again_is_no_change() throws Exception {
        var file = watch("a: 1\n");

        Files.writeString(file, "a: 1\n");
        Files.writeString(directory.resolve("unrelated.txt"), "x");
        Thread.sleep(DEBOUNCE.multipliedBy(5).toMillis());

        assertThat(changes.get()).isZero();
        Files.writeString(file, "a: 3\n");
        awaitChanges(1);
    }

    @Test
    void a_file_missing_for_a_moment_is_not_a_change() throws Exception {
        var file = watch("a: 1\n");

        Files.delete(file);
        Thread.sleep(DEBOUNCE.multipliedBy(4).toMillis());
        assertThat(changes.get()).isZero();

        Files.writeString(file, "a: 1\n");
        Thread.sleep(DEBOUNCE.multipliedBy(4).toMillis());
        assertThat(changes.get()).isZero();
    }

    @Test
    void without_any_watch_event_the_poll_still_sees_an_edit_but_not_a_touch() throws Exception {
        // The file links to one in another folder: edits there raise no event in the watched folder,
        // as on a network mount, so only the safety-net poll can see them.
        var elsewhere = Files.createDirectories(directory.resolve("elsewhere")).resolve("real.yaml");
        Files.writeString(elsewhere, "a: 1\n");
        var link = Files.createDirectories(directory.resolve("watched")).resolve("topology.yaml");
        Files.createSymbolicLink(link, elsewhere);
        watcher = new FileWatcher(link, List::of, DEBOUNCE, Duration.ofMillis(100), changes::incrementAndGet);

        Files.writeString(elsewhere, "a: 1\n");
        Files.setLastModifiedTime(elsewhere, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Thread.sleep(500);
        assertThat(changes.get()).as("same content, newer time: read, hashed, no change").isZero();

        Files.writeString(elsewhere, "a: 2\n");
        awaitChanges(1);
    }

    @Test
    void an_edit_in_an_included_file_and_a_new_file_under_an_included_glob_are_seen() throws Exception {
        var teams = Files.createDirectories(directory.resolve("teams"));
        var shop = Files.writeString(teams.resolve("shop.yaml"), "a: 1\n");
        var file = Files.writeString(directory.resolve("topology.yaml"), "include: teams/*.yaml\n");
        watcher = new FileWatcher(file, () -> List.of("teams/*.yaml"), DEBOUNCE, POLL, changes::incrementAndGet);

        Files.writeString(shop, "a: 2\n");
        awaitChanges(1);

        Files.writeString(teams.resolve("blog.yaml"), "b: 1\n");
        awaitChanges(2);

        Files.writeString(teams.resolve("notes.txt"), "not matched");
        Files.writeString(teams.resolve(".#blog.yaml"), "an editor's lock file");
        Thread.sleep(DEBOUNCE.multipliedBy(5).toMillis());
        assertThat(changes.get()).isEqualTo(2);
    }
}
