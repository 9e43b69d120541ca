package dev.topowatch.server.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A channel's outbox key made from an address that may hold a secret: the kind and a short digest of it. */
public final class ChannelKey {

    private ChannelKey() {
    }

    public static String of(String kind, String address) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
