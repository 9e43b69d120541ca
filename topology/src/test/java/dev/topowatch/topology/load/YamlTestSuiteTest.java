package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public yaml-test-suite (its {@code data} branch, MIT; vendored under
 * {@code src/test/resources/yaml-test-suite/}, see the README there): every one of its documents,
 * valid and invalid, is loaded as if it were a topology. None may throw; each ends as errors that name
 * the file and, when they concern a place in it, its line and column, in printable text. The valid
 * YAML 1.2 documents must parse: their errors are about the topology, never YAML syntax.
 */
class YamlTestSuiteTest {
    /**
     * Valid YAML 1.2 that snakeyaml-engine 3.2 cannot read: empty keys ({@code : a}), a flow key whose
     * ':' is on the next line, tabs as separating space, bare documents after {@code ...}, anchors and
     * tags with unusual characters. Each still gets a located "YAML syntax" error. Listed exactly, so
     * that an engine that reads more of them shows up here.
     */
    static final Set<String> ENGINE_CANNOT_READ = Set.of(
            "2JQS", "4MUZ-00", "4MUZ-01", "4MUZ-02", "58MP", "5MUD", "5T43", "6CA3", "6M2F", "7Z25", "9SA2", "CFD4",
            "DBG4", "DK3J", "FP8R", "FRK4", "HM87-00", "HS5T", "HWV9", "K3WX", "M2N8-00", "M7A3", "NB6Z", "NHX8",
            "NJ66", "NKF9", "Q5MG", "QT73", "S3PD", "SM9W-01", "UKK6-00", "UT92", "UV7Q", "VJP3-01", "W4TN", "W5VH",
            "WZ62");
    /** Invalid YAML that snakeyaml-engine 3.2 reads anyway; the topology is still refused, at a place in the file. */
    static final Set<String> ENGINE_ACCEPTS = Set.of(
            "9C9N", "9JBA", "CVW2", "DK95-01", "QB6E", "SU5Z", "Y79Y-003");
    private static final String MULTIPLE_DOCUMENTS = "YAML syntax: expected a single document in the stream: but found another document";

    static List<Path> documents(String kind) throws IOException, URISyntaxException {
        var folder = Path.of(YamlTestSuiteTest.class.getResource("/yaml-test-suite/" + kind).toURI());
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void every_document_of_the_suite_gives_located_printable_errors_and_never_throws() throws Exception {
        var documents = new ArrayList<>(documents("valid"));
        documents.addAll(documents("invalid"));
        assertThat(documents).hasSize(402);
        var loader = new TopologyLoader(Map.of());
        var wrong = new ArrayList<String>();
        for (var document : documents) {
            LoadResult result;
            try {
                result = loader.load(document);
            } catch (RuntimeException | StackOverflowError thrown) {
                wrong.add(document.getFileName() + " threw " + thrown);
                continue;
            }
            if (result.isValid()) {
                wrong.add(document.getFileName() + " is a valid topology?");
            }
            for (Problem error : result.errors()) {
                if (!error.file().equals(document.toString()) || error.line() < 0 || (error.line() == 0) != (error.column() == 0)
                        || !error.message().equals(Printable.line(error.message())) || error.message().isBlank()) {
                    wrong.add(document.getFileName() + ": " + error);
                }
                if (error.line() == 0 && !FILE_LEVEL.contains(error.message())) {
                    wrong.add(document.getFileName() + " has an error without a place: " + error);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The only errors that concern the whole file rather than a place in it. */
    private static final List<String> FILE_LEVEL = List.of("the file is empty: a topology needs at least 'entities:'");

    @Test
    void every_valid_document_parses_as_yaml_1_2_but_the_engines_known_gaps() throws Exception {
        var loader = new TopologyLoader(Map.of());
        var refused = new TreeSet<String>();
        for (var document : documents("valid")) {
            for (var error : loader.load(document).errors()) {
                if (error.message().startsWith("YAML") && !error.message().equals(MULTIPLE_DOCUMENTS)) {
                    assertThat(error.message()).as(document.toString()).startsWith("YAML syntax: ");
                    assertThat(error.line()).as(document.toString()).isPositive();
                    refused.add(id(document));
                }
            }
        }
        assertThat(refused).containsExactlyInAnyOrderElementsOf(ENGINE_CANNOT_READ);
        assertThat(documents("valid").size() - refused.size()).as("valid documents read").isEqualTo(271);
    }

    @Test
    void every_invalid_document_is_refused_as_yaml_at_a_place_in_it_but_the_engines_known_gaps() throws Exception {
        var loader = new TopologyLoader(Map.of());
        var accepted = new TreeSet<String>();
        for (var document : documents("invalid")) {
            var errors = loader.load(document).errors();
            assertThat(errors).as(document.toString()).isNotEmpty().allSatisfy(error -> assertThat(error.line()).isPositive());
            if (errors.stream().noneMatch(error -> error.message().startsWith("YAML"))) {
                accepted.add(id(document));
            }
        }
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(ENGINE_ACCEPTS);
    }

    private static String id(Path document) {
        return document.getFileName().toString().replace(".yaml", "");
    }
}
