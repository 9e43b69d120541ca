package dev.topowatch.server.api;

import io.javalin.http.Context;

import java.util.Map;

/**
 * Headers that keep the board page to itself: scripts only from the board (no inline script, so an
 * injected string cannot run), no framing (clickjacking), no MIME sniffing, no referrer leaking a
 * token in a query string. Inline styles stay allowed: the diagram's SVG carries its own style sheet.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Every answer carries them, the board's own and Jetty's error pages alike ({@link JsonErrorPages}). */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {
    }

    static void apply(Context context) {
        HEADERS.forEach(context::header);
    }
}
