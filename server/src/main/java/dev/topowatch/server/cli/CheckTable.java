package dev.topowatch.server.cli;

import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Topology;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code check} command's table: one line per entity, columns sized to their content. */
final class CheckTable {
    private static final List<String> HEADINGS = List.of("ENTITY", "TYPE", "STATUS", "LATENCY", "ROOT CAUSE", "ERROR OR NOTE");
    /** Errors can be long; the table stays readable in a terminal, the JSON output has them whole. */
    private static final int LONGEST_ERROR = 100;

    private CheckTable() {
    }

    static void print(PrintWriter out, Topology topology, Map<String, EntityStatus> statuses) {
        var rows = new ArrayList<List<String>>();
        rows.add(HEADINGS);
        for (var status : statuses.values()) {
            var entity = topology.entities().get(status.name());
            rows.add(List.of(
                    status.name(),
                    entity.type().yamlName(),
                    status.status().wireName(),
                    status.latency() == null ? "-" : status.latency().toMillis() + " ms",
                    status.rootCause().isEmpty() ? "-" : String.join(", ", status.rootCause()),
                    status.lastError() == null ? "" : oneLine(status.lastError())));
        }
        var widths = new int[HEADINGS.size()];
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (var row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                var cell = row.get(i);
                line.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String oneLine(String error) {
        var flat = error.replaceAll("\\s+", " ").strip();
        return flat.length() > LONGEST_ERROR ? flat.substring(0, LONGEST_ERROR - 3) + "..." : flat;
    }
}
