package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One size bounds a topology: 4 MiB, the file's bytes and the document with its aliases expanded.
 * Within it a value of several MiB loads (its time and memory are measured in bench/README.md, not here).
 */
class SizeLimitTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path directory;

    private LoadResult load(String text) throws Exception {
        return TopologyText.load(directory, text);
    }

    @Test
    void a_file_over_the_limit_is_refused_before_it_is_parsed() throws Exception {
        var result = load("entities: {}\n# " + "x".repeat(5 * MIB) + "\n");

        assertThat(result.errors()).extracting(Problem::positioned).containsExactly("the file is 5.0 MiB; a topology is at most 4 MiB");
    }

    @Test
    void a_value_of_almost_four_mib_within_the_limit_loads() throws Exception {
        var description = "x".repeat(4 * MIB - 200);

        var result = load("entities:\n  a: {type: tcp, host: 127.0.0.1, port: 1, description: " + description + "}\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.orThrow().entities().get("a").description().value()).isEqualTo(description);
    }

    @Test
    void aliases_count_with_what_they_expand_to_so_a_small_file_cannot_grow_past_the_limit() throws Exception {
        var text = new StringBuilder("entities:\n  a:\n    type: tcp\n    host: 127.0.0.1\n    port: 1\n    description: &big ")
                .append("x".repeat(MIB)).append("\n    extra:\n");
        for (int i = 0; i < 4; i++) {
            text.append("      k").append(i).append(": *big\n");
        }

        var result = load(text.toString());

        assertThat(text.length()).isLessThan(2 * MIB);
        assertThat(result.errors()).extracting(Problem::positioned).containsExactly(
                "10:11: YAML refused: the document, with its aliases expanded, is larger than 4 MiB (4194304 characters)");
    }

    @Test
    void a_device_that_never_ends_is_read_no_further_than_the_limit() {
        var result = new TopologyLoader(Map.of()).load(Path.of("/dev/zero"));

        assertThat(result.errors()).extracting(Problem::message)
                .containsExactly("the file is larger than 4 MiB, the most a topology may be");
    }
}
