package dev.topowatch.server.reload;

import dev.topowatch.topology.load.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls back when the content of one file changes, however the change was made: written in place,
 * saved by rename (vim, {@code sed -i}), or swapped behind a symlink (Kubernetes ConfigMaps). It
 * watches the folder rather than the file, since a rename replaces the file being watched; compares
 * content hashes, so that touching or re-saving the same text does nothing; debounces bursts of
 * events into one call; and polls as a safety net for filesystems whose events are unreliable
 * (network mounts, some containers).
 */
public final class FileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final Path file;
    private final Duration debounce;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private final WatchService watchService;
    private final Thread watching;
    private byte[] lastHash;
    private Stamp lastStamp;
    private ScheduledFuture<?> pending;

    public FileWatcher(Path file, Duration debounce, Duration poll, Runnable onChange) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.debounce = debounce;
        this.onChange = onChange;
        this.lastStamp = stamp();
        this.lastHash = hash();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("topology-watch-timer").daemon().unstarted(runnable));
        this.watchService = this.file.getFileSystem().newWatchService();
        this.file.getParent().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
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
                for (var event : key.pollEvents()) {
                    ours |= event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)
                            || concerns(name);
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

    /** Whether a change to {@code name}, in the file's folder, may change what the file reads. */
    private boolean concerns(Path name) {
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

    /** What a stat tells of the file (through any symlinks); null while it is missing. */
    private Stamp stamp() {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        } catch (IOException missing) {
            return null;
        }
    }

    private record Stamp(long size, FileTime modified, Object key) {
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
            }
        } catch (RuntimeException failure) {
            LOG.warn("topology reload failed error=\"{}\"", Printable.line(failure.toString()));
        }
    }

    /** The content's SHA-256, or null while the file is missing (mid-rename): wait for it rather than report it gone. */
    private byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException missing) {
            return null;
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
