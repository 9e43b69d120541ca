package dev.topowatch.diagram;

import dev.topowatch.diagram.layout.LayoutEngines;
import dev.topowatch.topology.Board;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** board.layout: every setting is honoured, or the choice says why not and what draws instead. */
class LayoutEnginesTest {
    private static final String NO_DOT = "layout dot requested but no dot binary on the PATH; using elk";

    @ParameterizedTest(name = "{0} with dot installed: {2}")
    @CsvSource({
            "AUTO, true, dot, ",
            "DOT, true, dot, ",
            "ELK, true, elk, ",
            "SMETANA, true, smetana, ",
            "AUTO, false, elk, ",
            "DOT, false, elk, " + NO_DOT,
            "ELK, false, elk, ",
            "SMETANA, false, smetana, ",
    })
    void each_setting_gets_its_engine_or_a_note_saying_why_not(Board.Layout setting, boolean dotInstalled, String engine, String note) {
        var dot = dotInstalled ? Optional.of(Path.of("/usr/bin/dot")) : Optional.<Path>empty();

        var choice = LayoutEngines.choose(setting, dot);

        assertThat(choice.engine().name()).isEqualTo(engine);
        assertThat(choice.note()).isEqualTo(note);
        assertThat(choice.honoured()).isEqualTo(note == null);
    }
}
