package dev.topowatch.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code topowatch} command: one subcommand per job, each with {@code --help}. */
@Command(name = "topowatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A status board that draws your topology and shows, live, where it breaks.",
        subcommands = {ServeCommand.class, ValidateCommand.class, CheckCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        JournalLogs.omitTimestampsInTheJournal();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(exception -> ExitCodes.USAGE);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: serve, validate, check or render (see --help)");
    }
}
