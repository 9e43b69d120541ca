package dev.topowatch.checkers.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that says a fixed text to whoever connects (or nothing at all) and then keeps
 * the connection open without reading: a hanging Redis, a web server on the wrong port, a broken one.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /** @param says what to send on every new connection, or null to stay silent */
    ScriptedServer(String says) throws IOException {
        this(says, false);
    }

    private ScriptedServer(String says, boolean hangUp) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("scripted-server").start(() -> {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    accepted.add(socket);
                    if (says != null) {
                        socket.getOutputStream().write(says.getBytes(StandardCharsets.ISO_8859_1));
                        socket.getOutputStream().flush();
                    }
                    if (hangUp) {
                        socket.close();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    static ScriptedServer silent() throws IOException {
        return new ScriptedServer(null);
    }

    /** Closes every connection as soon as it is accepted. */
    static ScriptedServer hangingUp() throws IOException {
        return new ScriptedServer(null, true);
    }

    int port() {
        return server.getLocalPort();
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
