package dev.topowatch.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code topowatch validate FILE}: every error, one per line, or a short summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a topology file without running anything.",
                "Exit 0 and print a summary when it is valid; exit 1 and print every error as FILE:LINE:COL: message when not."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the topology file, e.g. topology.yaml")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var result = TopologyFile.load(file, err);
        if (!result.isValid()) {
            err.println(file + ": " + plural(result.errors().size(), "error") + ", " + plural(result.warnings().size(), "warning"));
            err.flush();
            return ExitCodes.INVALID;
        }
        out.println(file + ": valid");
        TopologySummary.of(result.orThrow()).lines().forEach(line -> out.println("  " + line));
        out.println("  " + plural(result.warnings().size(), "warning"));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
