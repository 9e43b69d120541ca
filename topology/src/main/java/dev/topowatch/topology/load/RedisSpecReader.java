package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Secret;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.RedisCheck;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Set;

/** {@code type: redis}: {@code redis://[:password@]host:port[/db]}, {@code capture} of INFO fields. */
final class RedisSpecReader implements SpecReader {
    static final int DEFAULT_PORT = 6379;

    @Override
    public Set<String> keys() {
        return Set.of("url", "capture");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("url");
        var captures = new LinkedHashMap<String, String>();
        map.scalarMap("capture").forEach((key, field) -> captures.put(key, field.value().strip()));
        var url = map.scalar("url");
        if (url == null) {
            return new RedisCheck(ConfigText.literal(""), "", DEFAULT_PORT, null, 0, captures);
        }
        try {
            var uri = new URI(url.value().strip());
            if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url.value(), "not redis://host");
            }
            int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
            int database = database(uri.getPath());
            return new RedisCheck(url.text(), uri.getHost(), port, password(uri.getRawUserInfo()), database, captures);
        } catch (URISyntaxException | NumberFormatException invalid) {
            map.error(url.node(), map.field("url") + " must look like redis://[:password@]host[:port][/db] " + url.shown());
            return new RedisCheck(url.text(), "", DEFAULT_PORT, null, 0, captures);
        }
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        int database = Integer.parseInt(path.substring(1));
        if (database < 0) {
            throw new NumberFormatException("negative database");
        }
        return database;
    }

    /** {@code :password} or {@code user:password}; Redis 6 ACL users are not needed for PING. */
    private static Secret password(String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return null;
        }
        var colon = rawUserInfo.indexOf(':');
        var raw = colon < 0 ? rawUserInfo : rawUserInfo.substring(colon + 1);
        return raw.isEmpty() ? null : Secret.of(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    }
}
