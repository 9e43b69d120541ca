package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.DatabaseCheck;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;

/** {@code type: database}: a JDBC URL, credentials, a liveness query and capture queries. */
final class DatabaseSpecReader implements SpecReader {
    static final String DEFAULT_QUERY = "SELECT 1";

    @Override
    public Set<String> keys() {
        return Set.of("url", "username", "password", "query", "capture");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("url");
        var url = map.scalar("url");
        var engine = DatabaseCheck.Engine.POSTGRESQL;
        var connectTo = ConfigText.literal("");
        if (url != null) {
            var detected = engine(url.value().strip());
            if (detected == null) {
                map.error(url.node(), map.field("url") + " must be a JDBC URL for postgresql, mysql, mariadb or sqlite, such as jdbc:postgresql://127.0.0.1:5432/app " + url.shown());
            } else {
                engine = detected;
            }
            connectTo = detected == DatabaseCheck.Engine.SQLITE ? sqliteBeside(url, context.directory()) : url.text();
        }
        var query = map.scalar("query");
        if (query != null && query.value().isBlank()) {
            map.error(query.node(), map.field("query") + " must not be empty");
        }
        var captures = new LinkedHashMap<String, ConfigText>();
        map.scalarMap("capture").forEach((key, sql) -> captures.put(key, sql.text()));
        return new DatabaseCheck(connectTo, engine, map.text("username"), map.secret("password"),
                query == null ? ConfigText.literal(DEFAULT_QUERY) : query.text(), captures);
    }

    private static DatabaseCheck.Engine engine(String url) {
        var lower = url.toLowerCase(Locale.ROOT);
        for (var engine : DatabaseCheck.Engine.values()) {
            var prefix = "jdbc:" + engine.name().toLowerCase(Locale.ROOT) + ":";
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                return engine;
            }
        }
        return null;
    }

    /** A relative SQLite path means beside the topology file, not wherever the board was started. */
    private static ConfigText sqliteBeside(Scalar url, Path directory) {
        var prefix = "jdbc:sqlite:";
        var path = url.value().strip().substring(prefix.length());
        var query = path.indexOf('?');
        var file = query < 0 ? path : path.substring(0, query);
        if (file.startsWith(":") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
            return url.text();
        }
        var resolved = prefix + directory.resolve(file).normalize() + (query < 0 ? "" : path.substring(query));
        return ConfigText.of(url.template(), resolved);
    }
}
