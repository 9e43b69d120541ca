package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;

import java.util.List;

/**
 * A DNS lookup of {@code query}; up when it resolves and, if {@code expectedValues} is not empty,
 * every expected value is among the answers.
 *
 * @param resolver a DNS server ({@code host} or {@code host:port}), or null for the system's
 */
public record DnsCheck(ConfigText query, RecordType record, ConfigText resolver, List<ConfigText> expectedValues)
        implements CheckSpec {

    public enum RecordType { A, AAAA, CNAME, MX, TXT }

    public DnsCheck {
        expectedValues = List.copyOf(expectedValues);
    }
}
