package dev.topowatch.topology.check;

/**
 * What an entity's type says about how to probe it. One record per entity type; a {@link GroupCheck}
 * has no probe of its own and is derived from its members.
 */
public sealed interface CheckSpec
        permits ServerCheck, HttpCheck, PingCheck, TcpCheck, DnsCheck, DatabaseCheck, RedisCheck,
                CommandCheck, HeartbeatCheck, GroupCheck {
}
