package dev.topowatch.checkers.support;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.HttpExpectation;
import dev.topowatch.topology.check.TcpCheck;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Entities as the loader would build them, with defaults filled in, for tests. */
public final class Entities {

    private Entities() {
    }

    public static Entity entity(String name, EntityType type, CheckSpec check) {
        return entity(name, type, check, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    public static Entity entity(String name, EntityType type, CheckSpec check, Duration interval, Duration timeout) {
        return new Entity(name, type, null, null, interval, timeout, 1, 1, List.of(), Map.of(), false, true,
                null, null, check, null, List.of(), null);
    }

    public static Entity tcp(String name, int port, Duration interval, Duration timeout) {
        return entity(name, EntityType.TCP, new TcpCheck(ConfigText.literal("127.0.0.1"), port), interval, timeout);
    }

    public static HttpCheck get(String url) {
        return http(url, HttpExpectation.DEFAULT);
    }

    public static HttpCheck http(String url, HttpExpectation expect) {
        return new HttpCheck(ConfigText.literal(url), "GET", Map.of(), null, true, false, expect, Map.of());
    }

    public static HttpExpectation expectStatus(List<dev.topowatch.topology.check.StatusPattern> status) {
        return new HttpExpectation(status, null, null, Map.of(), null, null);
    }

    /** A port nothing listens on: bound by us a moment ago, then released. */
    public static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }
}
