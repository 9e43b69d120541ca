package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;

import java.util.List;

/**
 * A command run on the board's machine. With {@code shell} false, {@code argv} is run as is; with
 * it true, {@code argv} holds one string given to {@code sh -c}.
 *
 * @param outputContains may be null
 */
public record CommandCheck(List<ConfigText> argv, boolean shell, int expectExitCode, ConfigText outputContains)
        implements CheckSpec {

    public CommandCheck {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
    }
}
