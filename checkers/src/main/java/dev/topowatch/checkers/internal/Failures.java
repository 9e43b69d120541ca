package dev.topowatch.checkers.internal;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the exceptions of a failed connection into the one line a person reads on the board
 * ({@code connection refused}, {@code timeout after 5000 ms}). Library messages are not shown as they
 * are: they vary between versions, and may quote a host that came from a secret.
 */
public final class Failures {
    private static final int LONGEST_MESSAGE = 200;

    private Failures() {
    }

    public static String describe(Throwable failure, Duration timeout, Redactor redactor) {
        if (cause(failure, CertificateExpiredException.class) != null) {
            return "certificate expired";
        }
        if (cause(failure, CertificateNotYetValidException.class) != null) {
            return "certificate is not valid yet";
        }
        if (failure instanceof SSLPeerUnverifiedException) {
            return "certificate does not match the host name";
        }
        var text = messages(failure);
        if (failure instanceof SSLHandshakeException || failure instanceof SSLException) {
            if (text.contains("pkix path") || text.contains("certification path") || text.contains("trust anchor")) {
                return "certificate is not trusted (self-signed or unknown issuer)";
            }
            if (text.contains("validity check failed")) {
                return "certificate expired";
            }
            return "TLS handshake failed: " + shortMessage(failure, redactor);
        }
        if (failure instanceof UnknownHostException) {
            return "cannot resolve host";
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException
                || failure instanceof ClosedByInterruptException || failure instanceof InterruptedException) {
            return timeout(timeout);
        }
        if (failure instanceof ConnectException) {
            return text.contains("timed out") ? timeout(timeout) : "connection refused";
        }
        if (failure instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (failure instanceof PortUnreachableException) {
            return "port unreachable";
        }
        if (failure instanceof ProtocolException && text.contains("too many follow-up requests")) {
            return "too many redirects";
        }
        if (failure instanceof ProtocolException && text.contains("unexpected status line")) {
            // Something else on the port (a TLS server asked for plain HTTP, SSH, garbage): say what it sent.
            var message = redactor.clean(failure.getMessage());
            int colon = message.indexOf(':');
            return "not an HTTP response (it answered '" + printable(message.substring(colon + 1).strip(), 40) + "')";
        }
        if (failure instanceof EOFException || text.contains("unexpected end of stream")) {
            return "connection closed before a complete response";
        }
        if (failure instanceof SocketException && text.contains("reset")) {
            return "connection reset";
        }
        if (failure instanceof SocketException && text.contains("broken pipe")) {
            return "connection closed by the target";
        }
        return unexpected(failure, redactor);
    }

    public static String timeout(Duration timeout) {
        return "timeout after " + timeout.toMillis() + " ms";
    }

    /** For a failure nobody foresaw: its kind and message, cleaned of configured values and kept short. */
    public static String unexpected(Throwable failure, Redactor redactor) {
        return failure.getClass().getSimpleName() + ": " + shortMessage(failure, redactor);
    }

    private static String shortMessage(Throwable failure, Redactor redactor) {
        var message = redactor.clean(failure.getMessage());
        if (message == null || message.isBlank()) {
            message = "(no message)";
        }
        // A message may quote what the target sent (a status line, a header): its control bytes (ESC,
        // BEL, NUL) must not reach a terminal, a log line or the board as they are.
        return printable(message.replaceAll("\\s+", " ").strip(), LONGEST_MESSAGE);
    }

    /**
     * {@code text} as one printable line of at most {@code longest} characters: control and other
     * invisible characters become {@code ?}, so that bytes a target sent cannot move a cursor, ring a
     * bell or split a log line.
     */
    public static String printable(String text, int longest) {
        var shown = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < longest; i++) {
            shown.appendCodePoint(isPrintable(codePoints[i]) ? codePoints[i] : '?');
        }
        return codePoints.length > longest ? shown + "..." : shown.toString();
    }

    private static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Every message in the cause chain, lowercase, to recognise a failure by what it says. */
    private static String messages(Throwable failure) {
        var all = new StringBuilder();
        for (var current = failure; current != null; current = current.getCause()) {
            if (current.getMessage() != null) {
                all.append(current.getMessage().toLowerCase(Locale.ROOT)).append('\n');
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return all.toString();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> kind) {
        int depth = 0;
        for (var current = failure; current != null && depth < 20; current = current.getCause(), depth++) {
            if (kind.isInstance(current)) {
                return kind.cast(current);
            }
        }
        return null;
    }
}
