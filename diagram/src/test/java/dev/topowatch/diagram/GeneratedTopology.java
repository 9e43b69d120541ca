package dev.topowatch.diagram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A topology shaped like the boards people run, of any size: servers of eight entities (the server and
 * an api, a web front, a worker, a cron job, a cache, a queue and a database), each server's services
 * depending on its own database and cache, and every third server's api also on the database of the
 * server before it. Two databases are roots of outages: they, and everything that depends on them,
 * check a closed port; the rest checks {@code healthyPort}. The same size always gives the same
 * topology. Shared with the server module's tests (as a test jar).
 *
 * @param roots      the two databases that are down
 * @param casualties what depends on them, directly or not, and so is blocked
 */
public record GeneratedTopology(String yaml, List<String> servers, List<String> roots, Set<String> casualties) {
    private static final String[] ROLES = {"api", "web", "worker", "cron", "cache", "queue", "db"};

    public static GeneratedTopology of(int entities, int healthyPort, String boardSettings) {
        return of(entities, healthyPort, boardSettings, 0);
    }

    /**
     * The same, its servers shared out among {@code projects} projects ({@code team-0}, {@code team-1},
     * ...) in turn; only the servers name their project, so what runs on them is in it through them.
     */
    public static GeneratedTopology of(int entities, int healthyPort, String boardSettings, int projects) {
        int servers = Math.max(2, Math.round(entities / 8f));
        var serverNames = new ArrayList<String>();
        for (int server = 0; server < servers; server++) {
            serverNames.add(String.format("srv-%03d", server));
        }
        var roots = List.of(name(1, "db"), name(servers / 2 + 1 < servers ? servers / 2 + 1 : servers - 1, "db"));
        var casualties = new LinkedHashSet<String>();
        for (int server = 0; server < servers; server++) {
            if (roots.contains(name(server, "db"))) {
                for (var role : List.of("api", "web", "worker", "cron")) {
                    casualties.add(name(server, role));
                }
            }
            if (crossLinked(server) && roots.contains(name(server - 1, "db"))) {
                casualties.add(name(server, "api"));
                casualties.add(name(server, "web"));
            }
        }
        var yaml = new StringBuilder(boardSettings).append("entities:\n");
        for (int server = 0; server < servers; server++) {
            yaml.append("  ").append(serverNames.get(server)).append(": {type: server, host: 127.0.0.1, check: none")
                    .append(projects > 0 ? ", project: " + project(server, projects) : "").append("}\n");
            for (var role : ROLES) {
                var name = name(server, role);
                boolean failing = roots.contains(name) || casualties.contains(name);
                yaml.append("  ").append(name).append(": {type: tcp, server: ").append(serverNames.get(server))
                        .append(", host: 127.0.0.1, port: ").append(failing ? 1 : healthyPort);
                var needs = needs(server, role);
                if (!needs.isEmpty()) {
                    yaml.append(", depends_on: [").append(String.join(", ", needs)).append(']');
                }
                yaml.append("}\n");
            }
        }
        return new GeneratedTopology(yaml.toString(), List.copyOf(serverNames), roots, Set.copyOf(casualties));
    }

    private static List<String> needs(int server, String role) {
        var needs = new ArrayList<String>();
        switch (role) {
            case "api" -> {
                needs.add(name(server, "db"));
                needs.add(name(server, "cache"));
                if (crossLinked(server)) {
                    needs.add(name(server - 1, "db"));
                }
            }
            case "web" -> needs.add(name(server, "api"));
            case "worker" -> {
                needs.add(name(server, "db"));
                needs.add(name(server, "queue"));
            }
            case "cron" -> needs.add(name(server, "db"));
            default -> { }
        }
        return needs;
    }

    private static boolean crossLinked(int server) {
        return server > 0 && server % 3 == 0;
    }

    public static String project(int server, int projects) {
        return "team-" + server % projects;
    }

    private static String name(int server, String role) {
        return String.format("app-%03d-%s", server, role);
    }
}
