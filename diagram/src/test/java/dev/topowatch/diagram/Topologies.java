package dev.topowatch.diagram;

import java.util.Random;

/** Generated topology files with everything the diagram draws, at any size. */
final class Topologies {

    private Topologies() {
    }

    /**
     * {@code entities} entities (groups included) over {@code servers} servers in tiers, the way web,
     * application and database machines stack: entities fill the servers in order (every tenth beside its
     * server instead of on it), and each needs an entity of the tier before, picked at random (the same
     * every run); every fifteenth also needs one of two entities two tiers down (any_of: its fork takes
     * the tier between), every twenty-fifth the tier before's server as a whole; one group per twenty
     * entities.
     *
     * <p>Every edge spans one rank, so every engine can put every dependent above what it needs. Real
     * topologies are not that tidy, and then the engines differ (bench/README.md, "Diagram"): dot's
     * classic ranking, which Smetana ports, ranks each server on its own before fitting them together
     * and turns some edges that skip tiers upward; ELK lays a server out as one block and turns one
     * upward where a path leaves a server and comes back.
     */
    static String tiers(int entities, int servers) {
        var yaml = new StringBuilder("entities:\n");
        for (int server = 0; server < servers; server++) {
            yaml.append("  s").append(server).append(": {type: server, host: 127.0.0.1}\n");
        }
        var random = new Random(42);
        int groups = entities / 20;
        int perServer = (entities - groups + servers - 1) / servers;
        for (int i = 0; i < entities - groups; i++) {
            int tier = i / perServer;
            int firstOfTier = tier * perServer;
            yaml.append("  e").append(i).append(": {type: tcp, host: 127.0.0.1, port: ").append(1 + i);
            if (i % 10 != 9) {
                yaml.append(", server: s").append(tier);
            }
            var needs = new StringBuilder();
            if (tier > 0) {
                needs.append("e").append(firstOfTier - perServer + random.nextInt(perServer));
                if (i % 15 == 0 && tier > 1) {
                    int twoDown = firstOfTier - 2 * perServer;
                    needs.append(", {any_of: [e").append(twoDown).append(", e").append(twoDown + 1).append("]}");
                }
                if (i % 25 == 24) {
                    needs.append(", s").append(tier - 1);
                }
                yaml.append(", depends_on: [").append(needs).append("]");
            }
            yaml.append("}\n");
        }
        for (int group = 0; group < groups; group++) {
            yaml.append("  g").append(group).append(": {type: group, members: [e").append(group * 3).append(", e").append(group * 3 + 1)
                    .append("]}\n");
        }
        return yaml.toString();
    }
}
