package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.TcpCheck;

import java.util.Objects;
import java.util.Set;

/** {@code type: tcp}: {@code host}, {@code port}. */
final class TcpSpecReader implements SpecReader {

    @Override
    public Set<String> keys() {
        return Set.of("host", "port");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("host", "port");
        return new TcpCheck(Objects.requireNonNullElse(map.text("host"), ConfigText.literal("")),
                map.integer("port", 1, 1, 65_535));
    }
}
