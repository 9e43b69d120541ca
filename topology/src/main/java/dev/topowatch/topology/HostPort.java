package dev.topowatch.topology;

import java.util.Optional;
import java.util.regex.Pattern;

/** An address to listen on, such as {@code 127.0.0.1:8080}. */
public record HostPort(String host, int port) {
    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([^\\]]+)]|([^:\\[\\]\\s]+)):(\\d{1,5})");
    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + port);
        }
    }

    /** {@code host:port}, or {@code [ipv6]:port}; empty when malformed or the port is over 65535. */
    public static Optional<HostPort> parse(String text) {
        var matcher = HOST_PORT.matcher(text.strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(3)) > 65_535) {
            return Optional.empty();
        }
        var host = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return Optional.of(new HostPort(host, Integer.parseInt(matcher.group(3))));
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
