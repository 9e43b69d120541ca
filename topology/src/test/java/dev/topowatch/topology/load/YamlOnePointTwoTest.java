package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.TcpCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The file is read as YAML 1.2, of which JSON is a part, and what people write in YAML 1.1 files keeps working. */
class YamlOnePointTwoTest {

    @TempDir
    Path directory;

    private LoadResult load(String text) throws Exception {
        return TopologyText.load(directory, text);
    }

    @Test
    void a_json_topology_with_escaped_slashes_loads() throws Exception {
        var result = load("""
                {"entities": {"api": {"type": "api", "url": "http:\\/\\/127.0.0.1:8080\\/health", "interval": "30s"}}}
                """);

        assertThat(result.errors()).isEmpty();
        var api = (HttpCheck) result.orThrow().entities().get("api").check();
        assertThat(api.url().value()).isEqualTo("http://127.0.0.1:8080/health");
    }

    @Test
    void an_error_in_a_json_topology_names_its_line_and_column() throws Exception {
        var result = load("""
                {
                  "entities": {
                    "db": {"type": "tcp", "host": "127.0.0.1", "prot": 5432}
                  }
                }
                """);

        assertThat(result.errors()).extracting(Problem::positioned).containsExactly(
                "3:5: entity 'db' (tcp): missing required key 'port'",
                "3:48: entity 'db' (tcp): unknown key 'prot' (did you mean 'port'?)");
    }

    @Test
    void merge_keys_still_merge_and_the_keys_written_win() throws Exception {
        var topology = load("""
                entities:
                  a: &common {type: tcp, host: 127.0.0.1, port: 1, interval: 30s}
                  b: {<<: *common, port: 2}
                """).orThrow();
        assertThat(((TcpCheck) topology.entities().get("b").check()).port()).isEqualTo(2);
        assertThat(topology.entities().get("b").interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void the_words_people_use_for_booleans_in_yaml_1_1_are_still_understood() throws Exception {
        var topology = load("""
                entities:
                  a: {type: tcp, host: 127.0.0.1, port: 1, critical: no, alerts: yes}
                """).orThrow();

        assertThat(topology.entities().get("a").critical()).isFalse();
        assertThat(topology.entities().get("a").alerts()).isTrue();
    }
}
