package dev.topowatch.server.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A TCP target on 127.0.0.1 that accepts every connection and closes it: what a tcp check of a
 * healthy service sees. Closing it makes the same port refuse, as a service that went away.
 */
public final class AcceptingTarget implements AutoCloseable {
    private final ServerSocket socket;

    public AcceptingTarget() throws IOException {
        socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("accepting-target").daemon().start(() -> {
            while (!socket.isClosed()) {
                try {
                    socket.accept().close();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
