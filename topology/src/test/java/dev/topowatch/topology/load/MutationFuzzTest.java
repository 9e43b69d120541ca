package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates valid topologies thousands of times, at the text level and at the level of YAML lines:
 * whatever comes out, loading gives a topology or validation errors, never another exception. Seeded,
 * so that a failure names the seed and case that reproduce it.
 */
@Tag("slow")
class MutationFuzzTest {
    private static final long SEED = 20261122L;
    private static final int CASES = 10_000;
    private static final int SUITE_CASES = 4_000;
    /** Not a speed requirement (that is in bench/README.md): one case past this has hung or blown up. */
    private static final Duration HANG = Duration.ofSeconds(10);
    /** The errors that concern the file as a whole, not a place in it. */
    private static final List<String> FILE_LEVEL = List.of("the file is empty");
    private static final Map<String, String> ENVIRONMENT = Map.of("PG_PASSWORD", "hunter2-secret-value");
    private static final List<String> REPLACEMENTS = List.of(
            "[1, 2]", "{a: b}", "42", "99999999999999999999", "-1", "0", "\"\"", "${UNSET_VARIABLE}", "${PG_PASSWORD}",
            "~", "true", "1h30m", "💥 ünïcødé ‮rtl", "'<script>&\"'", "*nothing", "&anchor", "!!binary aGVsbG8=",
            "x".repeat(10_000), "2 of 3", "tcp:99999", "jdbc:sqlite:", "redis://:@", "http://", "/json/pointer");

    private final Random random = new Random(SEED);

    @Test
    void mutated_topologies_give_a_topology_or_located_errors_and_nothing_else() throws IOException {
        var seeds = List.of(Files.readString(Path.of("..", "topology.yaml.example")), SMALL);
        int valid = fuzz(seeds, CASES);
        assertThat(valid).as("some mutations keep the topology valid").isPositive();
        assertThat(valid).as("most mutations break it").isLessThan(CASES);
    }

    /** The yaml-test-suite's documents, valid and invalid, mutated the same way: every corner of YAML, broken further. */
    @Test
    void mutated_yaml_test_suite_documents_give_located_errors_and_nothing_else() throws Exception {
        var seeds = new ArrayList<String>();
        for (var kind : List.of("valid", "invalid")) {
            for (var document : YamlTestSuiteTest.documents(kind)) {
                seeds.add(Files.readString(document));
            }
        }
        fuzz(seeds, SUITE_CASES);
    }

    /**
     * Loads {@code cases} mutants of the seeds, in turn; returns how many were valid topologies. Each
     * must load without throwing, within a bound generous enough to catch only a hang or a blow-up.
     */
    private int fuzz(List<String> seeds, int cases) {
        var mutations = List.<BiFunction<String, Random, String>>of(
                MutationFuzzTest::deleteLine, MutationFuzzTest::duplicateLine, MutationFuzzTest::swapLines,
                MutationFuzzTest::reindentLine, MutationFuzzTest::renameKey, MutationFuzzTest::replaceValue,
                MutationFuzzTest::truncate, MutationFuzzTest::flipCharacter);
        var loader = new TopologyLoader(ENVIRONMENT);
        int valid = 0;
        for (int i = 0; i < cases; i++) {
            var text = seeds.get(i % seeds.size());
            int rounds = 1 + random.nextInt(3);
            for (int round = 0; round < rounds; round++) {
                text = mutations.get(random.nextInt(mutations.size())).apply(text, random);
            }
            LoadResult result;
            long started = System.nanoTime();
            try {
                result = loader.parse(text, Path.of("fuzz.yaml"));
            } catch (RuntimeException | StackOverflowError unexpected) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw on:\n" + text, unexpected);
            }
            var took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("case %d (seed %d) took %s on:%n%s", i, SEED, took, text).isLessThan(HANG);
            assertThat(result.topology().isPresent() || !result.errors().isEmpty()).as("case %d", i).isTrue();
            for (Problem error : result.errors()) {
                assertThat(error.file()).isEqualTo("fuzz.yaml");
                assertThat(error.line() > 0 || FILE_LEVEL.stream().anyMatch(error.message()::startsWith))
                        .as("case %d: an error without a place: %s%n%s", i, error, text).isTrue();
                assertThat(error.message()).as("case %d", i).isNotBlank().doesNotContain("hunter2-secret-value")
                        .isEqualTo(Printable.line(error.message()));
            }
            valid += result.isValid() ? 1 : 0;
        }
        return valid;
    }

    private static final String SMALL = """
            board: {title: fuzz, listen: 127.0.0.1:8080, token: t}
            defaults: {interval: 30s, timeout: 5s}
            entities:
              vps: {type: server, host: 127.0.0.1}
              db:
                type: database
                server: vps
                url: jdbc:postgresql://127.0.0.1:5432/app
                password: ${PG_PASSWORD}
              api:
                type: api
                server: vps
                url: http://127.0.0.1:8080/health
                depends_on: [db, {any_of: [vps, db]}]
                expect: {status: [200, "2xx"], json: {/ok: true}, max_latency: 2s}
              shop: {type: group, members: [api, db], rule: 1 of 2}
            """;

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private static String deleteLine(String text, Random random) {
        var lines = lines(text);
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String text, Random random) {
        var lines = lines(text);
        int at = random.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return String.join("\n", lines);
    }

    private static String swapLines(String text, Random random) {
        var lines = lines(text);
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        var line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
        return String.join("\n", lines);
    }

    private static String reindentLine(String text, Random random) {
        var lines = lines(text);
        int at = random.nextInt(lines.size());
        lines.set(at, " ".repeat(random.nextInt(7)) + lines.get(at).stripLeading());
        return String.join("\n", lines);
    }

    /** One edit inside a key: a typo a person would make. */
    private static String renameKey(String text, Random random) {
        var lines = lines(text);
        int at = random.nextInt(lines.size());
        var line = lines.get(at);
        int colon = line.indexOf(':');
        int start = line.length() - line.stripLeading().length();
        if (colon > start + 1) {
            int position = start + random.nextInt(colon - start);
            line = line.substring(0, position) + (char) ('a' + random.nextInt(26)) + line.substring(position + 1);
            lines.set(at, line);
        }
        return String.join("\n", lines);
    }

    private static String replaceValue(String text, Random random) {
        var lines = lines(text);
        int at = random.nextInt(lines.size());
        var line = lines.get(at);
        int colon = line.indexOf(": ");
        if (colon > 0) {
            lines.set(at, line.substring(0, colon + 2) + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
        }
        return String.join("\n", lines);
    }

    private static String truncate(String text, Random random) {
        return text.substring(0, random.nextInt(text.length() + 1));
    }

    private static String flipCharacter(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        var characters = "{}[]:,-&*!|>'\"#%@` \t\n";
        return text.substring(0, at) + characters.charAt(random.nextInt(characters.length())) + text.substring(at + 1);
    }
}
