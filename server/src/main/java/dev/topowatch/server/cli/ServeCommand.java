package dev.topowatch.server.cli;

import dev.topowatch.topology.HostPort;
import dev.topowatch.topology.load.TopologyLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code topowatch serve [FILE]}: run the board. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Check every entity of the topology on its interval and serve the board.")
final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "topology.yaml",
            description = "the topology file (default: ${DEFAULT-VALUE})")
    private Path file;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "where to listen; overrides board.listen (default 127.0.0.1:8080)")
    private String listen;

    @Option(names = "--database", paramLabel = "PATH", description = "the SQLite file; overrides board.database (default topowatch.db beside FILE)")
    private Path database;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var result = TopologyLoader.withSystemEnvironment().load(file);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        result.warnings().forEach(err::println);
        if (!result.isValid()) {
            result.errors().forEach(err::println);
            err.flush();
            return ExitCodes.INVALID;
        }
        var topology = result.orThrow();
        HostPort address = listen == null ? topology.board().listen() : HostPort.parse(listen).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(),
                        "--listen must be HOST:PORT such as 127.0.0.1:8080 or [::1]:8080, got '" + listen + "'"));
        var databasePath = database == null ? topology.board().database() : database;
        out.println("topowatch: " + file + " is valid: " + TopologySummary.of(topology).lines().getFirst());
        out.println("topowatch: would serve '" + topology.board().title() + "' on http://" + address
                + " with database " + databasePath);
        out.println("topowatch: the checkers, store and HTTP board are not built yet; nothing is being checked.");
        out.flush();
        return ExitCodes.OK;
    }
}
