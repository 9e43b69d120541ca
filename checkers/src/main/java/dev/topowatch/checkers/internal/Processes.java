package dev.topowatch.checkers.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Running a child process with a bounded output and a hard end. Shared by the ping and command checkers. */
public final class Processes {

    private Processes() {
    }

    /**
     * Reads {@code input} to its end on a virtual thread, keeping only the first {@code cap} bytes: the
     * rest is read and thrown away, so that a chatty process never blocks on a full pipe and never
     * costs more than {@code cap} bytes of memory.
     */
    public static CompletableFuture<Output> readCapped(InputStream input, int cap) {
        var future = new CompletableFuture<Output>();
        Thread.ofVirtual().name("process-output").start(() -> {
            var kept = new ByteArrayOutputStream(Math.min(cap, 8192));
            long total = 0;
            var buffer = new byte[8192];
            try (input) {
                int read;
                while ((read = input.read(buffer)) != -1) {
                    int room = (int) Math.max(0, Math.min(read, cap - total));
                    kept.write(buffer, 0, room);
                    total += read;
                }
            } catch (IOException closed) {
                // The process was killed or its pipe closed: keep what arrived.
            }
            future.complete(new Output(kept.toString(StandardCharsets.UTF_8), total > cap));
        });
        return future;
    }

    /** The output collected so far or in full; empty if the reader does not finish within a moment. */
    public static Output collect(CompletableFuture<Output> output) {
        try {
            return output.get(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Output("", false);
        } catch (ExecutionException | TimeoutException stuck) {
            // A grandchild that escaped the kill may still hold the pipe open; do not wait for it.
            return new Output("", false);
        }
    }

    /**
     * Kills {@code process} and everything it started, at once (SIGKILL): a child that ignores
     * SIGTERM must not outlive its check. The descendants are listed before the parent dies, since a
     * dead parent's children are handed to init and no longer show as its descendants.
     */
    public static void killTree(Process process) {
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        // A child forked between the listing and the kill: one more pass catches it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            // Reap the direct child so it does not linger as a zombie.
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a process printed: at most the cap, and whether there was more. */
    public record Output(String text, boolean truncated) {

        /** The first non-blank line, shortened for the board. */
        public String firstLine() {
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                    .map(line -> line.length() > 200 ? line.substring(0, 200) + "..." : line)
                    .orElse("");
        }
    }
}
