package dev.topowatch.server.api;

import dev.topowatch.topology.Secret;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks bearer tokens. Both sides are hashed before the constant-time comparison, so that neither
 * the content nor the length of the real token leaks through timing.
 */
final class Tokens {
    private static final String BEARER = "Bearer ";

    private Tokens() {
    }

    /** The token the request carries: {@code Authorization: Bearer ...}, or {@code ?token=} for GETs (EventSource cannot set headers). */
    static String presented(Context context, boolean queryAllowed) {
        var header = context.header("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        return queryAllowed ? context.queryParam("token") : null;
    }

    /** Whether {@code presented} equals one of the {@code accepted} secrets (nulls skipped), in constant time. */
    static boolean matches(String presented, Secret... accepted) {
        if (presented == null) {
            return false;
        }
        var offered = sha256(presented);
        boolean match = false;
        for (var secret : accepted) {
            if (secret != null) {
                match |= MessageDigest.isEqual(offered, sha256(secret.reveal()));
            }
        }
        return match;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }
}
