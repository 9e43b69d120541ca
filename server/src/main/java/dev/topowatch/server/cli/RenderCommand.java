package dev.topowatch.server.cli;

import dev.topowatch.diagram.DiagramRequest;
import dev.topowatch.diagram.DiagramService;
import dev.topowatch.diagram.Viewport;
import dev.topowatch.diagram.overview.Projects;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.diagram.text.DotExporter;
import dev.topowatch.diagram.text.PlantUmlExporter;
import dev.topowatch.server.engine.StatusView;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code topowatch render FILE}: the diagram as SVG, PNG, DOT or PlantUML, for docs, wikis and CI artifacts. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draw the topology as SVG, PNG, Graphviz DOT or PlantUML.",
                "Statuses come from a board's database when --database is given; otherwise every entity is unknown."})
final class RenderCommand implements Callable<Integer> {

    enum Format { SVG, PNG, DOT, PUML }

    enum View { OVERVIEW, PROBLEMS, LAYERED }

    @Parameters(index = "0", paramLabel = "FILE", description = "the topology file")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "svg", description = "svg (default), png, dot or puml")
    private Format format;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "overview",
            description = "svg and png: overview (default), problems or layered")
    private View view;

    @Option(names = "--focus", paramLabel = "NAME", description = "svg and png: only this entity's neighbourhood")
    private String focus;

    @Option(names = "--project", paramLabel = "NAME", description = "svg and png, overview or problems: only this project's frame")
    private String project;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1", description = "with --focus: how many steps around it (0-10)")
    private int depth;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1400", description = "the window to fit, in pixels (200-10000)")
    private int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "900", description = "the window to fit, in pixels (200-10000)")
    private int height;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of standard output")
    private Path output;

    @Option(names = "--database", paramLabel = "PATH", description = "a board's SQLite file to colour the diagram with")
    private Path database;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light", description = "light (default) or dark")
    private String theme;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var result = TopologyFile.load(file, spec.commandLine().getErr());
        if (!result.isValid()) {
            return ExitCodes.INVALID;
        }
        var topology = result.orThrow();
        var request = request(topology);
        var snapshot = database == null ? StatusSnapshot.allUnknown(topology, Clock.systemUTC().instant()) : stored(topology);
        if (format == Format.PNG) {
            var png = DiagramService.renderPng(topology, snapshot, request);
            if (output == null) {
                System.out.write(png);
                System.out.flush();
            } else {
                Files.write(output, png);
            }
            return ExitCodes.OK;
        }
        var text = switch (format) {
            case SVG, PNG -> DiagramService.render(topology, snapshot, request);
            case DOT -> DotExporter.export(topology, database == null ? null : snapshot);
            case PUML -> PlantUmlExporter.export(topology, database == null ? null : snapshot);
        };
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }

    private DiagramRequest request(Topology topology) {
        Viewport viewport;
        try {
            viewport = new Viewport(width, height);
        } catch (IllegalArgumentException invalid) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--width and --height: " + invalid.getMessage());
        }
        if (focus != null) {
            if (topology.entity(focus).isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--focus: no entity named '" + focus + "'");
            }
            if (depth < 0 || depth > 10) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--depth must be between 0 and 10");
            }
            return new DiagramRequest(DiagramRequest.View.FOCUS, focus, depth, viewport, Theme.of(theme));
        }
        var chosen = switch (view) {
            case OVERVIEW -> DiagramRequest.View.OVERVIEW;
            case PROBLEMS -> DiagramRequest.View.PROBLEMS;
            case LAYERED -> DiagramRequest.View.LAYERED;
        };
        var request = new DiagramRequest(chosen, null, 0, viewport, Theme.of(theme));
        if (project == null) {
            return request;
        }
        var projects = Projects.of(topology).names();
        if (chosen == DiagramRequest.View.LAYERED || !projects.contains(project)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), chosen == DiagramRequest.View.LAYERED
                    ? "--project narrows the overview and the problems view, not the layered view"
                    : "--project: no project named '" + project + "'" + (projects.isEmpty() ? " (the topology names none)"
                    : " (projects: " + String.join(", ", projects) + ")"));
        }
        return request.withProject(project);
    }

    /** The statuses a board last wrote, read without starting anything. */
    private StatusSnapshot stored(Topology topology) throws Exception {
        if (!Files.exists(database)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no database at " + database);
        }
        try (var store = SqliteStore.open(database, Clock.systemUTC(), topology.board().retention())) {
            var states = store.loadStates();
            var statuses = new TreeMap<String, EntityStatus>();
            for (var entity : topology.entities().values()) {
                var state = states.get(entity.name());
                statuses.put(entity.name(), state == null ? EntityStatus.unknown(entity.name()) : StatusView.of(entity, state, null));
            }
            return StatusSnapshot.of(0, Clock.systemUTC().instant(), statuses);
        }
    }
}
