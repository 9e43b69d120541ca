package dev.topowatch.server.alerts;

import dev.topowatch.topology.Problem;
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
 * Every file in {@code src/test/resources/invalid-alerts/} has something wrong in a channel's section,
 * paired with {@code <name>.expected}: every error, as {@code LINE:COL: message}, in file order. The
 * channels read their own sections, and their errors stand with the rest of the file's.
 */
class InvalidChannelConfigsTest {
    static final Map<String, String> ENVIRONMENT = Map.of("SLACK_TOKEN", "xoxb-slack-s3cret", "SMTP_PASSWORD", "smtp-s3cret");

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        var folder = Path.of(InvalidChannelConfigsTest.class.getResource("/invalid-alerts").toURI());
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void each_invalid_channel_section_gets_exactly_its_expected_errors(Path fixture) throws IOException {
        var expectedFile = fixture.resolveSibling(fixture.getFileName().toString().replace(".yaml", ".expected"));
        var expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();

        var result = Channels.loader(ENVIRONMENT).load(fixture);

        assertThat(result.topology()).isEmpty();
        assertThat(result.errors()).extracting(Problem::positioned).containsExactlyElementsOf(expected);
        var everything = String.join("\n", result.errors().stream().map(Problem::toString).toList());
        assertThat(everything).doesNotContain(ENVIRONMENT.values());
    }
}
