package dev.topowatch.server.reload;

import dev.topowatch.topology.load.Includes;
import dev.topowatch.topology.load.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls back when the content of the topology file, or of a file it includes, changes, or when a
 * file appears under an included glob, however the change was made: written in place,
 * saved by rename (vim, {@code sed -i}), or swapped behind a symlink (Kubernetes ConfigMaps). It
 * watches the folder rather than the file, since a rename replaces the file being watched; compares
 * content hashes, so that touching or re-saving the same text does nothing; debounces bursts of
 * events into one call; and polls as a safety net for filesystems whose events are unreliable
 * (network mounts, some containers).
 */
public final class FileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final Path file;
    /** The current {@code include:} entries, asked again on every look: a reload may change them. */
    private final Supplier<List<String>> include;
    private final Duration debounce;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private final WatchService watchService;
    private final Thread watching;
    private final Set<Path> watchedFolders = ConcurrentHashMap.newKeySet();
    private byte[] lastHash;
    private List<Stamp> lastStamp;
    private ScheduledFuture<?> pending;

    /** @param include the {@code include:} entries of the topology in use (files and globs relative to {@code file}) */
    public FileWatcher(Path file, Supplier<List<String>> include, Duration debounce, Duration poll, Runnable onChange) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.include = include;
        this.debounce = debounce;
        this.onChange = onChange;
        this.lastStamp = stamp();
        this.lastHash = hash();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("topology-watch-timer").daemon().unstarted(runnable));
        this.watchService = this.file.getFileSystem().newWatchService();
        this.file.getParent().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        watchedFolders.add(this.file.getParent());
        watchIncludedFolders();
        this.watching = Thread.ofPlatform().name("topology-watch").daemon().start(this::watch);
        timer.scheduleWithFixedDelay(this::pollNow, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void watch() {
        try {
            while (true) {
                var key = watchService.take();
                // Events about the file itself (also a temporary file renamed over it), the '..data'
                // symlink a ConfigMap swaps, or what the file links to in this folder may be ours, and
                // the hash decides. Others are not: the board's own database beside the file
                // (topowatch.db, its -wal and -shm) changes with every commit.
                boolean ours = false;
                var folder = key.watchable() instanceof Path path ? path : file.getParent();
                for (var event : key.pollEvents()) {
                    ours |= event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)
                            || concerns(folder, name);
                }
                key.reset();
                if (ours) {
                    schedule();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopping) {
            // closed
        }
    }

    /** Whether a change to {@code name} in {@code folder} may change what the topology reads. */
    private boolean concerns(Path folder, Path name) {
        var changed = folder.resolve(name);
        if (include.get().stream().anyMatch(entry -> Includes.names(file, entry, changed))) {
            return true;
        }
        return folder.equals(file.getParent()) && concernsFile(name);
    }

    /**
     * Folders of included files and globs are watched too, once they exist; a glob's subfolders
     * ({@code **}) are left to the poll.
     */
    private void watchIncludedFolders() {
        for (var entry : include.get()) {
            var folder = Includes.folder(file, entry);
            if (!watchedFolders.contains(folder) && Files.isDirectory(folder)) {
                try {
                    folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    watchedFolders.add(folder);
                } catch (IOException | ClosedWatchServiceException unwatchable) {
                    // the poll still sees its changes
                }
            }
        }
    }

    /** Whether a change to {@code name}, in the file's folder, may change what the file reads. */
    private boolean concernsFile(Path name) {
        if (name.equals(file.getFileName()) || name.toString().startsWith("..")) {
            return true;
        }
        var folder = file.getParent();
        var at = file;
        try {
            for (int hop = 0; hop < 16 && Files.isSymbolicLink(at); hop++) {
                at = at.getParent().resolve(Files.readSymbolicLink(at)).normalize();
                if (at.startsWith(folder) && !at.equals(folder) && folder.relativize(at).getName(0).equals(name)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException unsure) {
            return true;
        }
        return false;
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!timer.isShutdown()) {
            pending = timer.schedule(this::checkNow, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The safety net: a stat first, and the file is read and hashed only when its size, modification
     * time or identity moved, so that a quiet board does not read its topology every few seconds.
     */
    private void pollNow() {
        var now = stamp();
        synchronized (this) {
            if (now != null && now.equals(lastStamp)) {
                return;
            }
        }
        checkNow();
    }

    /**
     * What a stat tells of the file and of each file it includes now (through any symlinks); null
     * while the file itself is missing.
     */
    private List<Stamp> stamp() {
        var stamps = new ArrayList<Stamp>();
        for (var path : files()) {
            try {
                var attributes = Files.readAttributes(path, BasicFileAttributes.class);
                stamps.add(new Stamp(path, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
            } catch (IOException missing) {
                if (path.equals(file)) {
                    return null;
                }
                stamps.add(new Stamp(path, -1, null, null));
            }
        }
        return stamps;
    }

    private record Stamp(Path path, long size, FileTime modified, Object key) {
    }

    /** The file, then every file its {@code include:} entries name now. */
    private List<Path> files() {
        var files = new ArrayList<Path>();
        files.add(file);
        for (var entry : include.get()) {
            try {
                files.addAll(Includes.files(file, entry));
            } catch (IOException | UncheckedIOException unreadable) {
                // an unreadable folder is the loader's to report; here it is nothing to compare
            }
        }
        return files;
    }

    /** Compares the content with the last seen and calls back when it differs. */
    private void checkNow() {
        try {
            // Stat before reading: an edit in between moves the stamp, and the next poll reads again.
            var stamp = stamp();
            byte[] now = hash();
            if (now == null) {
                return;
            }
            boolean changed;
            synchronized (this) {
                changed = !Arrays.equals(now, lastHash);
                lastHash = now;
                lastStamp = stamp;
            }
            if (changed) {
                onChange.run();
                watchIncludedFolders();
            }
        } catch (RuntimeException failure) {
            LOG.warn("topology reload failed error=\"{}\"", Printable.line(failure.toString()));
        }
    }

    /**
     * The SHA-256 of the file's content and of every included file's name and content, or null while
     * the file itself is missing (mid-rename): wait for it rather than report it gone. An included
     * file that is missing counts as empty: the loader says what is wrong with it.
     */
    private byte[] hash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var path : files()) {
                digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try {
                    digest.update(Files.readAllBytes(path));
                } catch (IOException missing) {
                    if (path.equals(file)) {
                        return null;
                    }
                }
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            watchService.close();
        } catch (IOException ignored) {
            // closing; nothing left to do
        }
        watching.interrupt();
    }
}
