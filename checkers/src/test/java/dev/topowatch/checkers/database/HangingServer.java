package dev.topowatch.checkers.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that accepts every connection and never says a word: the worst case of a
 * checker's timeout, since the TCP connection succeeds and only the protocol hangs.
 */
final class HangingServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    HangingServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("hanging-server").start(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    int connectionsAccepted() {
        return accepted.size();
    }

    /** Whether every connection it accepted has been closed by the client, waiting up to {@code wait}. */
    boolean allClosedByClientWithin(java.time.Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (var socket : accepted) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                // The client never sends anything we wait for; end of stream means it hung up.
                while (socket.getInputStream().read() >= 0) {
                    // discard the client's greeting, if any
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                return false;
            } catch (java.net.SocketException reset) {
                // Reset by the client: closed as well.
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (var socket : accepted) {
            socket.close();
        }
    }

    /** A port on 127.0.0.1 where nothing listens: it was free a moment ago. */
    static int closedPort() throws IOException {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
