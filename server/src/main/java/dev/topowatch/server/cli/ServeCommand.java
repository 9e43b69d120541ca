package dev.topowatch.server.cli;

import dev.topowatch.server.Board;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.HostPort;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.Printable;
import dev.topowatch.topology.load.TopologyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code topowatch serve [FILE]}: run the board. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Check every entity of the topology on its interval and serve the board.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "topology.yaml",
            description = "the topology file (default: ${DEFAULT-VALUE})")
    private Path file;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "where to listen; overrides board.listen (default 127.0.0.1:8080)")
    private String listen;

    @Option(names = "--database", paramLabel = "PATH", description = "the SQLite file; overrides board.database (default topowatch.db beside FILE)")
    private Path database;

    @Spec
    private CommandSpec spec;

    /** {@code --listen} over {@code board.listen}. */
    HostPort address(Topology topology) {
        return listen == null ? topology.board().listen() : HostPort.parse(listen).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(),
                        "--listen must be HOST:PORT such as 127.0.0.1:8080 or [::1]:8080, got '" + listen + "'"));
    }

    /** {@code --database} over {@code board.database}. */
    Path databasePath(Topology topology) {
        return database == null ? topology.board().database() : database;
    }

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var result = TopologyFile.load(file, err);
        if (!result.isValid()) {
            return ExitCodes.INVALID;
        }
        var topology = result.orThrow();
        var address = address(topology);
        var databasePath = databasePath(topology);
        var folder = databasePath.toAbsolutePath().normalize().getParent();
        if (!Files.isDirectory(folder)) {
            // A typo in a path must not leave a tree of new folders behind: say so, create nothing.
            err.println("topowatch: cannot start: the database's folder " + Printable.line(folder.toString())
                    + " does not exist; create it, or give another --database (or board.database)");
            err.flush();
            return ExitCodes.CANNOT_START;
        }
        var clock = Clock.systemUTC();
        Board board;
        try {
            var store = SqliteStore.open(databasePath, clock, topology.board().retention());
            board = new Board(file, topology, address, store, TopologyLoader.withSystemEnvironment(), clock);
        } catch (SQLException | IOException | RuntimeException failed) {
            err.println("topowatch: cannot start: " + Printable.line(failed.getMessage()));
            err.flush();
            return ExitCodes.CANNOT_START;
        }
        out.println("topowatch: serving '" + Printable.line(topology.board().title()) + "' on http://"
                + new HostPort(address.host(), board.port()) + " (" + TopologySummary.of(topology).lines().getFirst()
                + ", database " + databasePath + ")");
        out.flush();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            board.close();
            stopped.countDown();
        }));
        Signals.onHangUp(() -> reloadOnHangUp(board));
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * {@code kill -HUP}, {@code systemctl reload}: the reload an edit of the file makes, reported the same
     * way (the log, {@code reload_errors}); said in the log also when the file had not changed, so that
     * whoever sent the signal sees it was heard.
     */
    private static void reloadOnHangUp(Board board) {
        var reloader = board.reloader();
        var before = reloader.state();
        LOG.info("SIGHUP: reloading the topology file={}", reloader.file());
        var after = reloader.reload();
        if (after.errors().isEmpty() && after.version() == before.version()) {
            LOG.info("topology unchanged file={} version={}", reloader.file(), after.version());
        }
    }
}
