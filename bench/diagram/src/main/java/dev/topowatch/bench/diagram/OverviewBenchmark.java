package dev.topowatch.bench.diagram;

import dev.topowatch.diagram.DiagramRequest;
import dev.topowatch.diagram.DiagramService;
import dev.topowatch.diagram.GeneratedTopology;
import dev.topowatch.diagram.Viewport;
import dev.topowatch.diagram.svg.Theme;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.StatusSnapshot;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.load.TopologyLoader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The overview at 1,000 and 10,000 entities (GeneratedTopology: servers of eight, two roots down):
 * the first drawing of a topology (tiles, interiors, packing, template, one render), recolouring it
 * (the work of every request and status change), the problems view, and the PNG of the overview.
 * Medians of warm runs, on one thread.
 */
public final class OverviewBenchmark {

    public static void main(String[] args) {
        var sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {1000, 10000};
        System.out.printf(Locale.ROOT, "java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| entities | tiles | first overview (ms) | recolour median / p99 (ms) | SVG (kB) | problems view (ms) | PNG 1400x900 (ms) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            var generated = GeneratedTopology.of(size, 80, "");
            var topology = new TopologyLoader(Map.of()).parse(generated.yaml(), Path.of("bench.yaml")).orThrow();
            var snapshots = snapshots(topology, generated);
            var request = DiagramRequest.overview(Viewport.DEFAULT, Theme.LIGHT);
            double first = median(size >= 10_000 ? 5 : 9, () -> {
                try (var service = new DiagramService()) {
                    long started = System.nanoTime();
                    service.update(topology);
                    service.svg(request, snapshots.getFirst());
                    return (System.nanoTime() - started) / 1e6;
                }
            });
            try (var service = new DiagramService()) {
                service.update(topology);
                var svg = service.svg(request, snapshots.getFirst());
                var recolour = new double[400];
                for (int i = 0; i < 100; i++) {
                    service.svg(request, snapshots.get(i % snapshots.size()));
                }
                for (int i = 0; i < recolour.length; i++) {
                    long started = System.nanoTime();
                    service.svg(request, snapshots.get(i % snapshots.size()));
                    recolour[i] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(recolour);
                var problems = new DiagramRequest(DiagramRequest.View.PROBLEMS, null, 0, Viewport.DEFAULT, Theme.LIGHT);
                double problemsView = median(9, () -> {
                    long started = System.nanoTime();
                    try (var fresh = new DiagramService()) {
                        fresh.update(topology);
                        fresh.svg(problems, snapshots.getFirst());
                    }
                    return (System.nanoTime() - started) / 1e6;
                });
                double png = median(5, () -> {
                    long started = System.nanoTime();
                    try (var fresh = new DiagramService()) {
                        fresh.update(topology);
                        fresh.png(request, snapshots.getFirst());
                    }
                    return (System.nanoTime() - started) / 1e6;
                });
                System.out.printf(Locale.ROOT, "| %,d | %,d | %.0f | %.2f / %.2f | %,d | %.0f | %.0f |%n", size, generated.servers().size() + 2,
                        first, recolour[recolour.length / 2], recolour[(int) (recolour.length * 0.99)], svg.length() / 1024, problemsView, png);
            }
        }
    }

    /** The outage of the generated topology, then the same with a few random entities in other states: what recolouring sees. */
    private static List<StatusSnapshot> snapshots(Topology topology, GeneratedTopology generated) {
        var random = new Random(7);
        var names = List.copyOf(topology.entities().keySet());
        var snapshots = new java.util.ArrayList<StatusSnapshot>();
        for (int i = 0; i < 10; i++) {
            var statuses = new HashMap<String, EntityStatus>();
            for (var name : names) {
                var status = generated.roots().contains(name) ? Status.DOWN
                        : generated.casualties().contains(name) ? Status.BLOCKED
                        : i > 0 && random.nextInt(100) == 0 ? Status.MAINTENANCE : Status.UP;
                var rootCause = status == Status.BLOCKED ? List.of(generated.roots().getFirst()) : List.<String>of();
                statuses.put(name, new EntityStatus(name, status, Instant.EPOCH, Instant.EPOCH, 100, 3, 1, 0.97,
                        Duration.ofMillis(random.nextInt(900)), null, false, rootCause, rootCause, Map.of()));
            }
            snapshots.add(StatusSnapshot.of(i, Instant.EPOCH, statuses));
        }
        return snapshots;
    }

    private static double median(int runs, Supplier<Double> run) {
        run.get();
        var times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = run.get();
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
