package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;

import java.util.Map;

/**
 * A JDBC database: connect, run {@code query} read-only, and run each {@code capture} query for one
 * value shown in {@code extra}.
 *
 * @param username may be null
 * @param password may be null
 */
public record DatabaseCheck(ConfigText url, Engine engine, ConfigText username, Secret password, ConfigText query,
                            Map<String, ConfigText> capture) implements CheckSpec {

    /** The JDBC subprotocols that have a driver on the classpath. */
    public enum Engine { POSTGRESQL, MYSQL, MARIADB, SQLITE }

    public DatabaseCheck {
        capture = Map.copyOf(capture);
    }
}
