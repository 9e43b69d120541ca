package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code src/test/resources/invalid/} is a topology with something wrong, paired with
 * {@code <name>.expected}: every error the loader must report, as {@code LINE:COL: message}, in file order.
 */
class InvalidTopologiesTest {
    /** The environment the fixtures see: values that must never show up in any message. */
    static final Map<String, String> ENVIRONMENT = Map.of("PG_PASSWORD", "hunter2-secret-value", "API_TOKEN", "tok-abc-secret");

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        var folder = Path.of(InvalidTopologiesTest.class.getResource("/invalid").toURI());
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void each_invalid_topology_gets_exactly_its_expected_errors(Path fixture) throws IOException {
        var expectedFile = fixture.resolveSibling(fixture.getFileName().toString().replace(".yaml", ".expected"));
        var expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();

        var result = new TopologyLoader(ENVIRONMENT).load(fixture);

        assertThat(result.isValid()).isFalse();
        assertThat(result.topology()).isEmpty();
        assertThat(result.errors()).extracting(Problem::positioned).containsExactlyElementsOf(expected);
        assertThat(result.errors()).allSatisfy(error -> assertThat(error.file()).isEqualTo(fixture.toString()));
        var everything = String.join("\n", Stream.concat(result.errors().stream(), result.warnings().stream()).map(Problem::toString).toList());
        assertThat(everything).doesNotContain(ENVIRONMENT.values());
    }

    @Test
    void there_are_enough_fixtures_and_each_expects_at_least_one_error() throws IOException, URISyntaxException {
        var all = fixtures().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        for (var fixture : all) {
            var expected = fixture.resolveSibling(fixture.getFileName().toString().replace(".yaml", ".expected"));
            assertThat(Files.readString(expected)).as(expected.toString()).isNotBlank();
        }
    }
}
