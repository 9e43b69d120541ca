package dev.topowatch.server.api;

import io.javalin.http.Context;

/**
 * Headers that keep the board page to itself: scripts only from the board (no inline script, so an
 * injected string cannot run), no framing (clickjacking), no MIME sniffing, no referrer leaking a
 * token in a query string. Inline styles stay allowed: the diagram's SVG carries its own style sheet.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context context) {
        context.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        context.header("X-Content-Type-Options", "nosniff");
        context.header("X-Frame-Options", "DENY");
        context.header("Referrer-Policy", "no-referrer");
    }
}
