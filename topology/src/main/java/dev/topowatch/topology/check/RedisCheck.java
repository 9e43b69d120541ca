package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.util.Map;

/**
 * A Redis server from {@code redis://[:password@]host:port[/db]}: {@code PING}, and {@code INFO} fields
 * copied into {@code extra}.
 *
 * @param password may be null
 * @param capture  extra key to {@code INFO} field name
 */
public record RedisCheck(ConfigText url, String host, int port, Secret password, int database,
                         Map<String, String> capture) implements CheckSpec {

    public RedisCheck {
        capture = Map.copyOf(capture);
    }
}
