package dev.topowatch.checkers.support;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server on 127.0.0.1 that plays a script to every client, byte by byte if it likes: resets,
 * 100 MB answers, one byte a second, bytes that are not UTF-8. It counts what it managed to send and
 * notes whether the client hung up before the script was done, which is how a test sees that a checker
 * stopped reading at its cap instead of swallowing everything.
 */
public final class HostileServer implements AutoCloseable {

    /** What to do with one accepted connection. Throwing IOException means the client went away. */
    @FunctionalInterface
    public interface Script {
        void play(Socket client, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final boolean readRequestFirst;
    private final Script script;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger clientHungUp = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final CountDownLatch firstDone = new CountDownLatch(1);

    private HostileServer(boolean readRequestFirst, Script script) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        this.readRequestFirst = readRequestFirst;
        this.script = script;
        Thread.ofVirtual().name("hostile-acceptor").start(this::acceptAll);
    }

    /** Plays {@code script} as soon as a client connects, before it says anything. */
    public static HostileServer raw(Script script) {
        return new HostileServer(false, script);
    }

    /** Reads an HTTP request's head (up to the blank line) first, then plays {@code script}. */
    public static HostileServer http(Script script) {
        return new HostileServer(true, script);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                accepted.add(client);
                Thread.ofVirtual().name("hostile-connection").start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            if (readRequestFirst) {
                requestLines.add(readHead(client.getInputStream()));
            }
            script.play(client, new Counting(client.getOutputStream()));
        } catch (IOException wentAway) {
            // Broken pipe or reset: the client closed before the script was done.
            clientHungUp.incrementAndGet();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            finished.incrementAndGet();
            firstDone.countDown();
        }
    }

    /** The request line of an HTTP request, after reading its head to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("client closed before its request was complete");
            }
            head.write(next);
            matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Bytes the scripts handed to the kernel, over every connection. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Connections whose client went away while the script was still writing. */
    public int clientsThatHungUp() {
        return clientHungUp.get();
    }

    public int connections() {
        return accepted.size();
    }

    /** Request lines seen, in order ({@code GET /a HTTP/1.1}). */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Waits until the first connection's script has ended (finished or cut off by the client). */
    public boolean awaitFirstScriptEnd(Duration wait) throws InterruptedException {
        return firstDone.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes {@code bytes} one at a time, {@code pause} apart: a slowloris. */
    public static void trickle(OutputStream out, byte[] bytes, Duration pause) throws IOException, InterruptedException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(pause);
        }
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Closes every connection: a script still sleeping ends at its next write. */
    @Override
    public void close() throws IOException {
        socket.close();
        for (var client : accepted) {
            client.close();
        }
    }

    private final class Counting extends FilterOutputStream {
        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytesSent.incrementAndGet();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            bytesSent.addAndGet(length);
        }
    }
}
