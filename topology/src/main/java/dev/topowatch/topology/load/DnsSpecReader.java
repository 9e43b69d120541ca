package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.HostPort;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.DnsCheck;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** {@code type: dns}: {@code query}, {@code record}, {@code resolver}, {@code expect: {values}}. */
final class DnsSpecReader implements SpecReader {

    @Override
    public Set<String> keys() {
        return Set.of("query", "record", "resolver", "expect");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("query");
        var resolver = map.scalar("resolver");
        if (resolver != null && !validResolver(resolver.value().strip())) {
            map.error(resolver.node(), map.field("resolver") + " must be HOST or HOST:PORT of a DNS server, such as 127.0.0.1 or 1.1.1.1:53 " + resolver.shown());
        }
        List<ConfigText> values = List.of();
        var expect = map.map("expect");
        if (expect != null) {
            expect.rejectUnknown(Set.of("values"), " in expect");
            values = expect.scalars("values", true).stream().map(Scalar::text).toList();
        }
        return new DnsCheck(Objects.requireNonNullElse(map.text("query"), ConfigText.literal("")), record(map),
                resolver == null ? null : resolver.text(), values);
    }

    private static DnsCheck.RecordType record(YamlMap map) {
        var scalar = map.scalar("record");
        if (scalar == null) {
            return DnsCheck.RecordType.A;
        }
        var names = Arrays.stream(DnsCheck.RecordType.values()).map(Enum::name).toList();
        var word = scalar.value().strip().toUpperCase(Locale.ROOT);
        if (!names.contains(word)) {
            map.error(scalar.node(), map.field("record") + " must be one of " + String.join(", ", names) + " " + scalar.shown());
            return DnsCheck.RecordType.A;
        }
        return DnsCheck.RecordType.valueOf(word);
    }

    private static boolean validResolver(String text) {
        if (text.isEmpty() || text.contains("/") || text.contains(" ")) {
            return false;
        }
        var hostPort = HostPort.parse(text);
        if (hostPort.isPresent()) {
            return hostPort.get().port() > 0;
        }
        // A bare IPv6 address has colons but no port.
        return !text.contains(":") || text.chars().filter(character -> character == ':').count() >= 2;
    }
}
