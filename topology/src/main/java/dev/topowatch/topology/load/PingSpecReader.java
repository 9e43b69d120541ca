package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.PingCheck;

import java.util.Objects;
import java.util.Set;

/** {@code type: ping}: {@code host}, {@code count}. */
final class PingSpecReader implements SpecReader {

    @Override
    public Set<String> keys() {
        return Set.of("host", "count");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("host");
        return new PingCheck(Objects.requireNonNullElse(map.text("host"), ConfigText.literal("")),
                map.integer("count", 1, 1, 100));
    }
}
