package dev.topowatch.checkers.database;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets for pgjdbc (its {@code socketFactory} property) that refuse a backend message claiming more
 * than {@link #LARGEST_MESSAGE} bytes before pgjdbc reads it.
 *
 * <p>Why: pgjdbc 42.7.14 sizes its read buffer from the length a message claims. A server (or anything
 * else on the port) that answers with an ErrorResponse claiming 2 GB made one check take about 1.5 GB
 * of heap (HostileDatabaseTargetsTest); a few such entities would take the whole board down. Upstream
 * bounds it after 42.7.14 (pgjdbc pull request 4336); this guard can go once the driver has that.
 *
 * <p>It reads the stream as pgjdbc will: the single-byte answer to an SSL or GSS encryption request,
 * then messages of a type byte, a four-byte length and a body. After an {@code S} or {@code G} answer the
 * stream is encrypted and is passed through unread: inside TLS the guard does not apply.
 */
public final class BoundedPostgresSockets extends SocketFactory {
    /** A health check reads one row of one column; 16 MiB is generous for any message it meets. */
    static final int LARGEST_MESSAGE = 16 * 1024 * 1024;
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    /** A message over the limit: said as the redis checker says it. */
    static final class MessageTooLarge extends IOException {
        MessageTooLarge(long claimed) {
            super("reply too large (" + claimed + " bytes, at most " + LARGEST_MESSAGE + ")");
        }
    }

    /** pgjdbc instantiates it by class name. */
    public BoundedPostgresSockets() {
    }

    @Override
    public Socket createSocket() {
        return new Bounded();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        var socket = new Bounded();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        var socket = new Bounded();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        var socket = new Bounded();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        var socket = new Bounded();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private static final class Bounded extends Socket {
        private final Frames frames = new Frames();
        private InputStream input;
        private OutputStream output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int next = super.read();
                        if (next >= 0) {
                            frames.received(new byte[] {(byte) next}, 0, 1);
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        int read = super.read(bytes, offset, length);
                        if (read > 0) {
                            frames.received(bytes, offset, read);
                        }
                        return read;
                    }
                };
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        frames.sent(new byte[] {(byte) b}, 0, 1);
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        frames.sent(bytes, offset, length);
                        out.write(bytes, offset, length);
                    }
                };
            }
            return output;
        }
    }

    /** The backend's message framing, followed byte by byte. */
    static final class Frames {
        private enum Mode { FRAMED, ENCRYPTION_ANSWER, ENCRYPTED }

        private final byte[] firstSent = new byte[8];
        private int firstSentCount;
        private Mode mode = Mode.FRAMED;
        /** Within a message's head: 0 before its type byte, 1 to 4 after that many bytes of it. */
        private int headRead;
        private long length;
        private long bodyLeft;

        /** Notes the client's first eight bytes: an SSL or GSS request is answered by one unframed byte. */
        synchronized void sent(byte[] bytes, int offset, int count) {
            for (int i = 0; i < count && firstSentCount < firstSent.length; i++) {
                firstSent[firstSentCount++] = bytes[offset + i];
                if (firstSentCount == firstSent.length) {
                    int declared = int4(firstSent, 0);
                    int code = int4(firstSent, 4);
                    if (declared == 8 && (code == SSL_REQUEST || code == GSS_REQUEST)) {
                        mode = Mode.ENCRYPTION_ANSWER;
                    }
                }
            }
        }

        synchronized void received(byte[] bytes, int offset, int count) throws IOException {
            int end = offset + count;
            int at = offset;
            while (at < end && mode != Mode.ENCRYPTED) {
                if (mode == Mode.ENCRYPTION_ANSWER) {
                    byte answer = bytes[at];
                    if (answer == 'N') {
                        at++;
                        mode = Mode.FRAMED;
                        // A refused request may be followed by another (GSS, then SSL): watch for it.
                        firstSentCount = 0;
                    } else if (answer == 'E') {
                        // An old server's ErrorResponse: a framed message from this byte on.
                        mode = Mode.FRAMED;
                    } else {
                        // 'S' or 'G': encrypted from here on. Anything else pgjdbc refuses itself.
                        mode = Mode.ENCRYPTED;
                        return;
                    }
                    continue;
                }
                if (bodyLeft > 0) {
                    long skip = Math.min(bodyLeft, end - at);
                    bodyLeft -= skip;
                    at += (int) skip;
                    continue;
                }
                if (headRead == 0) {
                    headRead = 1;
                    length = 0;
                    at++;
                    continue;
                }
                length = (length << 8) | (bytes[at++] & 0xFF);
                if (++headRead == 5) {
                    headRead = 0;
                    if (length > LARGEST_MESSAGE) {
                        throw new MessageTooLarge(length);
                    }
                    bodyLeft = Math.max(0, length - 4);
                }
            }
        }

        private static int int4(byte[] bytes, int at) {
            return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                    | (bytes[at + 3] & 0xFF);
        }
    }
}
