package dev.topowatch.topology.load;

import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.HeartbeatCheck;

import java.time.Duration;
import java.util.Set;

/** {@code type: heartbeat}: {@code max_silence}, {@code token}. */
final class HeartbeatSpecReader implements SpecReader {

    @Override
    public Set<String> keys() {
        return Set.of("max_silence", "token");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("max_silence");
        return new HeartbeatCheck(map.duration("max_silence", Duration.ofMinutes(5), Duration.ofSeconds(1)),
                map.secret("token"));
    }
}
