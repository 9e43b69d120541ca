package dev.topowatch.checkers.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Plain sockets that count the bytes read from them: given to the checker's HTTP client, it tells how
 * much of a hostile answer the client really took off the wire, which the server's count cannot (the
 * kernel's buffers on both sides hold tens of megabytes on loopback).
 */
public final class CountingSockets extends SocketFactory {
    private final AtomicLong bytesRead = new AtomicLong();

    public long bytesRead() {
        return bytesRead.get();
    }

    public void reset() {
        bytesRead.set(0);
    }

    @Override
    public Socket createSocket() {
        return new Counted();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        var socket = new Counted();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        var socket = new Counted();
        socket.bind(new java.net.InetSocketAddress(localHost, localPort));
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        var socket = new Counted();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        var socket = new Counted();
        socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
        socket.connect(new java.net.InetSocketAddress(address, port));
        return socket;
    }

    private final class Counted extends Socket {
        private InputStream counting;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (counting == null) {
                counting = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int next = super.read();
                        if (next >= 0) {
                            bytesRead.incrementAndGet();
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        int read = super.read(bytes, offset, length);
                        if (read > 0) {
                            bytesRead.addAndGet(read);
                        }
                        return read;
                    }
                };
            }
            return counting;
        }
    }
}
