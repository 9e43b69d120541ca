package dev.topowatch.checkers.redis;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of RESP (the Redis protocol) for a health check: send a command as an array of bulk
 * strings, read one reply. Every read is bounded by what is left of the deadline (the socket's
 * {@code SO_TIMEOUT} is set before each one), and every reply by a size, so that neither a silent nor a
 * chatty server can hold the check.
 */
final class RespConnection {
    /** A status line ({@code +OK}) or an error line: Redis keeps them short. */
    static final int LONGEST_LINE = 64 * 1024;
    /** A bulk reply: {@code INFO} is a few kilobytes. */
    static final int LARGEST_BULK = 1024 * 1024;

    /** A reply that says {@code -ERR ...}: the server's own words, for the result's error. */
    static final class ServerError extends IOException {
        ServerError(String line) {
            super(line);
        }
    }

    /** Something that does not speak RESP, or a reply over the limits. */
    static final class ProtocolError extends IOException {
        ProtocolError(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final long deadlineNanos;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    RespConnection(Socket socket, long deadlineNanos) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.deadlineNanos = deadlineNanos;
    }

    /** Sends one command and reads its reply: a simple string, an integer as text, or a bulk string. */
    String command(String... arguments) throws IOException {
        var request = new ByteArrayOutputStream();
        request.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (var argument : arguments) {
            var bytes = argument.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(bytes);
            request.writeBytes(new byte[] {'\r', '\n'});
        }
        out.write(request.toByteArray());
        out.flush();
        return reply();
    }

    private String reply() throws IOException {
        int type = read();
        return switch (type) {
            case '+', ':' -> line();
            case '-' -> throw new ServerError(line());
            case '$' -> bulk();
            default -> throw new ProtocolError("not a Redis server (it answered " + quote((char) type + line()) + ")");
        };
    }

    private String bulk() throws IOException {
        long length;
        try {
            length = Long.parseLong(line());
        } catch (NumberFormatException notANumber) {
            throw new ProtocolError("not a Redis server (malformed reply)");
        }
        if (length < 0) {
            return null;
        }
        if (length > LARGEST_BULK) {
            throw new ProtocolError("reply too large (" + length + " bytes, at most " + LARGEST_BULK + ")");
        }
        var bytes = new byte[(int) length];
        for (int filled = 0; filled < bytes.length; ) {
            if (position == limit) {
                fill();
            }
            int chunk = Math.min(bytes.length - filled, limit - position);
            System.arraycopy(buffer, position, bytes, filled, chunk);
            position += chunk;
            filled += chunk;
        }
        if (read() != '\r' || read() != '\n') {
            throw new ProtocolError("not a Redis server (malformed reply)");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Up to CRLF, which is consumed; a bare LF ends a line too, so an HTTP or SMTP banner reads as one. */
    private String line() throws IOException {
        var line = new ByteArrayOutputStream();
        while (true) {
            int next = read();
            if (next == '\n') {
                break;
            }
            if (next != '\r') {
                if (line.size() >= LONGEST_LINE) {
                    throw new ProtocolError("reply too large (a line over " + LONGEST_LINE + " bytes)");
                }
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private int read() throws IOException {
        if (position == limit) {
            fill();
        }
        return buffer[position++] & 0xff;
    }

    private void fill() throws IOException {
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        int read = in.read(buffer);
        if (read < 0) {
            throw new EOFException("connection closed by the server");
        }
        position = 0;
        limit = read;
    }

    /** A few characters of what a stranger said, printable and quoted. */
    private static String quote(String text) {
        var shown = new StringBuilder();
        text.codePoints().limit(40).forEach(codePoint ->
                shown.appendCodePoint(Character.isISOControl(codePoint) ? '?' : codePoint));
        return "'" + shown + (text.length() > 40 ? "...'" : "'");
    }
}
