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
