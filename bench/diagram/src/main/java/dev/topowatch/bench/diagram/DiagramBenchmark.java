package dev.topowatch.bench.diagram;

import dev.topowatch.diagram.layout.DiagramGraph;
import dev.topowatch.diagram.layout.DotLayoutEngine;
import dev.topowatch.diagram.layout.ElkLayoutEngine;
import dev.topowatch.diagram.layout.LayoutEngine;
import dev.topowatch.diagram.layout.SmetanaLayoutEngine;
import dev.topowatch.diagram.svg.BoxText;
import dev.topowatch.diagram.svg.SvgRenderer;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.diagram.text.DotExporter;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.TopologyLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Layout + SVG time per engine (ELK, Smetana, Graphviz's dot) at 100, 500 and 2,000 entities next to plain
 * {@code dot -Tsvg} on the same graph, how many edges each draws pointing upwards, recolouring 1,000
 * entities, and whole /diagram.svg renders per second. Synthetic topologies as the issue measured: servers
 * holding 5 entities each, about 1.5 random dependencies per entity. Medians of warm runs; the machine is
 * noisy (2 cores, other builds beside it).
 */
public final class DiagramBenchmark {

    /** One drawing: its time, and how many of its edges between boxes run upwards (dependent below). */
    private record Drawing(double milliseconds, int upward, int edges) {
    }

    public static void main(String[] args) throws Exception {
        var sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {100, 500, 2000};
        var dot = DotLayoutEngine.find();
        System.out.printf(Locale.ROOT, "java %s, %d cores, dot %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                dot.map(Path::toString).orElse("not installed"));
        System.out.println("| entities | ELK layout + SVG | Smetana layout + SVG | dot engine layout + SVG | plain dot -Tsvg | edges up: ELK / Smetana / dot |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            var topology = topology(size, 42);
            int runs = size >= 2000 ? 3 : size >= 500 ? 5 : 9;
            var elk = median(runs, () -> layoutAndRender(new ElkLayoutEngine(), topology));
            var smetana = median(runs, () -> layoutAndRender(new SmetanaLayoutEngine(), topology));
            var dotEngine = dot.map(binary -> median(runs, () -> layoutAndRender(new DotLayoutEngine(binary), topology)));
            var plainDot = dot.map(binary -> median(runs, () -> new Drawing(plainDot(binary, topology), 0, 0)));
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s / %s / %s |%n", size, time(elk), time(smetana),
                    dotEngine.map(DiagramBenchmark::time).orElse("–"), plainDot.map(DiagramBenchmark::time).orElse("–"),
                    upward(elk), upward(smetana), dotEngine.map(DiagramBenchmark::upward).orElse("–"));
        }
        recolour(1000);
    }

    private static String time(Drawing drawing) {
        return drawing.milliseconds() >= 1000 ? String.format(Locale.ROOT, "%.1f s", drawing.milliseconds() / 1000)
                : String.format(Locale.ROOT, "%.0f ms", drawing.milliseconds());
    }

    private static String upward(Drawing drawing) {
        return drawing.upward() + " of " + drawing.edges();
    }

    private static void recolour(int size) {
        var topology = topology(size, 7);
        var graph = DiagramGraph.of(topology, new BoxText());
        var template = SvgRenderer.template(topology, graph, new ElkLayoutEngine().layout(graph), Theme.LIGHT, "bench");
        var random = new Random(1);
        var snapshots = new ArrayList<StatusSnapshot>();
        for (int i = 0; i < 20; i++) {
            snapshots.add(snapshot(topology, random));
        }
        for (int i = 0; i < 200; i++) {
            template.render(snapshots.get(i % snapshots.size()));
        }
        var times = new double[500];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            template.render(snapshots.get(i % snapshots.size()));
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        var svg = template.render(snapshots.getFirst());
        System.out.printf(Locale.ROOT, "recolour %d entities: median %.2f ms, p99 %.2f ms (%d kB of SVG) -> %.0f renders/s on one core%n",
                size, times[times.length / 2], times[(int) (times.length * 0.99)], svg.length() / 1024, 1000 / times[times.length / 2]);
    }

    private static Drawing layoutAndRender(LayoutEngine engine, Topology topology) {
        long started = System.nanoTime();
        var graph = DiagramGraph.of(topology, new BoxText());
        var layout = engine.layout(graph);
        SvgRenderer.template(topology, graph, layout, Theme.LIGHT, "bench").render(StatusSnapshot.allUnknown(topology, Instant.EPOCH));
        double milliseconds = (System.nanoTime() - started) / 1e6;
        int upward = 0;
        int edges = 0;
        for (var route : layout.routes()) {
            var from = layout.nodes().get(route.edge().from());
            var to = layout.nodes().get(route.edge().to());
            if (from != null && to != null) {
                edges++;
                upward += from.y() + from.height() / 2 >= to.y() + to.height() / 2 ? 1 : 0;
            }
        }
        return new Drawing(milliseconds, upward, edges);
    }

    private static double plainDot(Path binary, Topology topology) {
        try {
            var source = DotExporter.export(topology, null).getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            var process = new ProcessBuilder(binary.toString(), "-Tsvg").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (var input = process.getOutputStream()) {
                input.write(source);
            }
            process.waitFor(600, TimeUnit.SECONDS);
            return (System.nanoTime() - started) / 1e6;
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The run of median time after one warm-up run (every run of a size draws the same picture). */
    private static Drawing median(int runs, Supplier<Drawing> run) {
        run.get();
        var drawings = new ArrayList<Drawing>();
        for (int i = 0; i < runs; i++) {
            drawings.add(run.get());
        }
        drawings.sort(Comparator.comparingDouble(Drawing::milliseconds));
        return drawings.get(runs / 2);
    }

    /** Servers of five entities, each entity depending on about 1.5 earlier ones. */
    static Topology topology(int entities, long seed) {
        var random = new Random(seed);
        var yaml = new StringBuilder("entities:\n");
        int servers = Math.max(1, entities / 5);
        for (int server = 0; server < servers; server++) {
            yaml.append("  s").append(server).append(": {type: server, host: 127.0.0.1}\n");
        }
        for (int i = 0; i < entities; i++) {
            yaml.append("  e").append(i).append(": {type: tcp, host: 127.0.0.1, port: ").append(1 + i % 60000)
                    .append(", server: s").append(i % servers);
            var dependencies = new ArrayList<String>();
            if (i > 0) {
                int count = random.nextDouble() < 0.5 ? 1 : 2;
                for (int d = 0; d < count; d++) {
                    var target = "e" + random.nextInt(i);
                    if (!dependencies.contains(target)) {
                        dependencies.add(target);
                    }
                }
                yaml.append(", depends_on: [").append(String.join(", ", dependencies)).append("]");
            }
            yaml.append("}\n");
        }
        return new TopologyLoader(Map.of()).parse(yaml.toString(), Path.of("bench.yaml")).orThrow();
    }

    private static StatusSnapshot snapshot(Topology topology, Random random) {
        var statuses = new HashMap<String, EntityStatus>();
        var values = Status.values();
        for (var name : topology.entities().keySet()) {
            statuses.put(name, new EntityStatus(name, values[random.nextInt(values.length)], Instant.EPOCH, Instant.EPOCH, 100, 3, 1,
                    0.97, Duration.ofMillis(random.nextInt(900)), null, false, List.of(), List.of(), Map.of()));
        }
        return StatusSnapshot.of(1, Instant.EPOCH, statuses);
    }
}
