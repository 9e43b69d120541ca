package dev.topowatch.checkers.database;

import dev.topowatch.topology.check.DatabaseCheck;
import dev.topowatch.topology.check.DatabaseCheck.Engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach one database: which driver class, which URL and which connection properties. Every
 * driver is given its own connect and socket timeouts, so that a server that accepts the connection
 * and never answers is given up on by the driver itself, and not only by the checker's deadline.
 */
record JdbcTarget(Engine engine, String driverClass, String url, Properties properties) {

    /** The driver of each engine; MySQL is served by the MariaDB driver (see {@link #mysqlUrl}). */
    static String driverClass(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "org.postgresql.Driver";
            case MYSQL, MARIADB -> "org.mariadb.jdbc.Driver";
            case SQLITE -> "org.sqlite.JDBC";
        };
    }

    static JdbcTarget of(DatabaseCheck spec, Duration timeout) {
        var engine = spec.engine();
        var properties = new Properties();
        if (spec.username() != null) {
            properties.setProperty("user", spec.username().value());
        }
        if (spec.password() != null) {
            properties.setProperty("password", spec.password().reveal());
        }
        long millis = Math.max(1, timeout.toMillis());
        // pgjdbc counts in whole seconds, and 0 means "wait forever": round up, never down to 0.
        var seconds = Long.toString(Math.max(1, (millis + 999) / 1000));
        var url = spec.url().value().strip();
        switch (engine) {
            case POSTGRESQL -> {
                properties.setProperty("connectTimeout", seconds);
                // Applied from the first byte on, so it bounds the SSL request and the login as well.
                // loginTimeout is left out on purpose: pgjdbc runs it on a platform thread of its own,
                // which the checker's deadline (a virtual thread) makes redundant.
                properties.setProperty("socketTimeout", seconds);
                // By default pgjdbc ignores setReadOnly(true) in autocommit mode; "always" makes the
                // session read-only, so a liveness query can never write.
                properties.setProperty("readOnlyMode", "always");
                properties.setProperty("ApplicationName", "topowatch");
                // Refuses a message claiming more than 16 MiB before pgjdbc sizes a buffer from it.
                properties.setProperty("socketFactory", BoundedPostgresSockets.class.getName());
            }
            case MYSQL, MARIADB -> {
                properties.setProperty("connectTimeout", Long.toString(millis));
                properties.setProperty("socketTimeout", Long.toString(millis));
                // Sends SET SESSION TRANSACTION READ ONLY when the checker asks for read-only.
                properties.setProperty("assureReadOnly", "true");
                if (engine == Engine.MYSQL) {
                    url = mysqlUrl(url);
                }
            }
            case SQLITE -> {
                // SQLITE_OPEN_READONLY without SQLITE_OPEN_CREATE: never writes, never creates the file.
                properties.setProperty("open_mode", "1");
                properties.setProperty("busy_timeout", Long.toString(millis));
            }
        }
        return new JdbcTarget(engine, driverClass(engine), url, properties);
    }

    /**
     * The MariaDB driver speaks MySQL's protocol too, but since 3.0 takes a {@code jdbc:mysql:} URL
     * only when it says {@code permitMysqlScheme}: one driver (LGPL) for both, instead of Connector/J.
     */
    static String mysqlUrl(String url) {
        if (url.toLowerCase(Locale.ROOT).contains("permitmysqlscheme")) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "permitMysqlScheme";
    }

    /**
     * The file a SQLite URL opens, or empty for an in-memory database. Accepts {@code jdbc:sqlite:PATH}
     * and {@code jdbc:sqlite:file:PATH}, with or without {@code ?parameters}.
     */
    static Optional<Path> sqliteFile(String url) {
        var rest = url.strip().substring("jdbc:sqlite:".length());
        int parameters = rest.indexOf('?');
        var query = parameters < 0 ? "" : rest.substring(parameters + 1);
        if (parameters >= 0) {
            rest = rest.substring(0, parameters);
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":resource:")) {
            return Optional.empty();
        }
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            if (query.contains("mode=memory")) {
                return Optional.empty();
            }
            rest = rest.substring(5);
            if (rest.startsWith("//")) {
                // file://host/path: SQLite only takes an empty host or localhost.
                int path = rest.indexOf('/', 2);
                rest = path < 0 ? "" : rest.substring(path);
            }
            rest = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest));
    }
}
