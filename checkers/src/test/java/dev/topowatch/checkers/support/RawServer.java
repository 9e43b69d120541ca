package dev.topowatch.checkers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server that misbehaves on purpose, for what an HTTP server library will not do: accept and
 * never answer, or reset the connection.
 */
public final class RawServer implements AutoCloseable {
    public enum Behaviour { ACCEPT_AND_HANG, RESET_AFTER_REQUEST }

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RawServer(Behaviour behaviour) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        acceptor = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    var connection = socket.accept();
                    accepted.add(connection);
                    if (behaviour == Behaviour.RESET_AFTER_REQUEST) {
                        Thread.ofVirtual().start(() -> reset(connection));
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void reset(Socket connection) {
        try {
            connection.getInputStream().read(new byte[1024]);
            // Linger 0: close sends RST instead of FIN.
            connection.setSoLinger(true, 0);
            connection.close();
        } catch (IOException ignored) {
            // The client went away first: nothing to reset.
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int acceptedCount() {
        return accepted.size();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (var connection : accepted) {
            connection.close();
        }
        acceptor.interrupt();
    }
}
