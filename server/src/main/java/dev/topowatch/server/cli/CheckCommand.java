package dev.topowatch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checkers;
import dev.topowatch.checkers.heartbeat.Push;
import dev.topowatch.server.api.EntityJson;
import dev.topowatch.server.engine.StatusRules;
import dev.topowatch.server.store.SqliteStore;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.graph.DependencyGraph;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code topowatch check FILE}: every check once, concurrently, then roots and casualties as the board
 * would name them. What a user runs from cron or CI, like django-watchman's management command.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run every check of the topology once and print what is up, down and blocked.",
                "Heartbeats are pushed to a running board: they are noted as not checkable, unless --database gives a board's last pushes.",
                "Exit 0 when no critical entity is down or blocked, 1 when one is, 2 when the file is invalid."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the topology file")
    private Path file;

    @Option(names = "--entity", paramLabel = "NAME",
            description = "check only this entity (repeatable); what it depends on is checked too, to name root causes")
    private List<String> entities = new ArrayList<>();

    @Option(names = "--json", description = "print a JSON array of entities, in the shape of GET /api/entities")
    private boolean json;

    @Option(names = "--database", paramLabel = "PATH",
            description = "a board's SQLite file: heartbeats are judged by the last pushes it received")
    private Path database;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var result = TopologyFile.load(file, spec.commandLine().getErr());
        if (!result.isValid()) {
            return ExitCodes.USAGE;
        }
        var topology = result.orThrow();
        var graph = DependencyGraph.of(topology);
        var shown = shownEntities(topology);
        var checked = withDependencies(shown, graph);
        var clock = Clock.systemUTC();
        var heartbeats = database == null ? OneShotHeartbeats.notCheckable(clock)
                : OneShotHeartbeats.fromPushes(storedPushes(topology), database, clock);
        Map<String, CheckResult> results;
        try (var checkers = Checkers.create(clock).with(EntityType.HEARTBEAT, heartbeats)) {
            results = new OneShotChecks(checkers).run(checked.stream().map(topology.entities()::get).toList());
        }
        var statuses = classify(topology, graph, results, shown);
        print(topology, graph, statuses);
        boolean criticalDown = statuses.values().stream().anyMatch(status ->
                topology.entities().get(status.name()).critical()
                        && (status.status() == Status.DOWN || status.status() == Status.BLOCKED));
        return criticalDown ? ExitCodes.INVALID : ExitCodes.OK;
    }

    /** The last heartbeat pushes a board wrote, read without starting anything. */
    private Map<String, Push> storedPushes(Topology topology) throws Exception {
        if (!Files.exists(database)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no database at " + database);
        }
        try (var store = SqliteStore.open(database, Clock.systemUTC(), topology.board().retention())) {
            return store.lastPushes();
        }
    }

    private Set<String> shownEntities(Topology topology) {
        if (entities.isEmpty()) {
            return new TreeSet<>(topology.entities().keySet());
        }
        var unknown = entities.stream().filter(name -> !topology.entities().containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no entity named " + String.join(", ", unknown) + " in " + file);
        }
        return new TreeSet<>(entities);
    }

    /** The named entities and everything they depend on, transitively: needed to tell roots from casualties. */
    private static Set<String> withDependencies(Set<String> names, DependencyGraph graph) {
        var all = new TreeSet<String>();
        var pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            var name = pending.removeLast();
            if (all.add(name)) {
                pending.addAll(graph.dependencies(name));
            }
        }
        return all;
    }

    private static Map<String, EntityStatus> classify(Topology topology, DependencyGraph graph,
                                                      Map<String, CheckResult> results, Set<String> shown) {
        var failing = new HashSet<String>();
        results.forEach((name, result) -> {
            if (result.status() == Status.DOWN) {
                failing.add(name);
            }
        });
        var impact = graph.classify(failing);
        var rules = new StatusRules(topology, impact, name -> {
            var result = results.get(name);
            return result == null ? Status.UNKNOWN : result.status();
        });
        var statuses = new TreeMap<String, EntityStatus>();
        for (var name : shown) {
            var entity = topology.entities().get(name);
            var result = results.get(name);
            var entityImpact = impact.impact(name);
            var status = rules.statusOf(entity);
            boolean failed = result != null && result.status() == Status.DOWN;
            boolean passed = result != null && !failed && !result.isPending();
            statuses.put(name, new EntityStatus(name, status, result == null ? null : result.at(),
                    result == null ? null : result.at(),
                    passed ? 1 : 0,
                    failed && status != Status.BLOCKED ? 1 : 0,
                    failed && status == Status.BLOCKED ? 1 : 0,
                    passed || failed ? Double.valueOf(passed ? 1.0 : 0.0) : null,
                    result == null ? null : result.latency(), result == null ? null : result.error(), false,
                    entityImpact.rootCause(), entityImpact.blockedBy(), extra(entity, result)));
        }
        return statuses;
    }

    private static Map<String, String> extra(Entity entity, CheckResult result) {
        var extra = new TreeMap<String, String>();
        entity.extra().forEach((key, value) -> extra.put(key, value.toString()));
        if (result != null) {
            extra.putAll(result.extra());
        }
        return extra;
    }

    private void print(Topology topology, DependencyGraph graph, Map<String, EntityStatus> statuses) throws Exception {
        var out = spec.commandLine().getOut();
        if (json) {
            var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            var array = statuses.values().stream()
                    .map(status -> EntityJson.of(topology.entities().get(status.name()), status, graph.dependents(status.name())))
                    .toList();
            out.println(mapper.writeValueAsString(array));
        } else {
            CheckTable.print(out, topology, statuses);
        }
        out.flush();
    }
}
