package dev.topowatch.topology.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryIntervalTest {
    @TempDir
    Path directory;

    @Test
    void retry_interval_comes_from_the_entity_then_defaults_then_five_seconds_and_never_exceeds_the_interval() throws Exception {
        var built = TopologyText.load(directory, """
                entities:
                  plain: {type: tcp, host: 127.0.0.1, port: 80}
                  quick: {type: tcp, host: 127.0.0.1, port: 80, interval: 2s}
                """).topology().orElseThrow();
        assertThat(built.entities().get("plain").retryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(built.entities().get("quick").retryInterval()).isEqualTo(Duration.ofSeconds(2));

        var set = TopologyText.load(directory, """
                defaults: {interval: 30s, retry_interval: 10s}
                entities:
                  inherits: {type: tcp, host: 127.0.0.1, port: 80}
                  own: {type: tcp, host: 127.0.0.1, port: 80, retry_interval: 1s}
                  longer: {type: tcp, host: 127.0.0.1, port: 80, interval: 4s}
                """).topology().orElseThrow();
        assertThat(set.entities().get("inherits").retryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.entities().get("own").retryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(set.entities().get("longer").retryInterval()).isEqualTo(Duration.ofSeconds(4));
    }
}
