package dev.topowatch.bench.board;

import dev.topowatch.diagram.GeneratedTopology;

/**
 * Prints a GeneratedTopology (servers of eight, two roots down on port 1) for {@code page.sh}.
 * Arguments: ENTITIES HEALTHY_PORT BOARD_PORT INTERVAL.
 */
public final class GenerateTopology {

    public static void main(String[] args) {
        int entities = Integer.parseInt(args[0]);
        var board = """
                board: {title: %d entities, listen: "127.0.0.1:%s"}
                defaults: {interval: %s, timeout: 5s}
                """.formatted(entities, args[2], args[3]);
        System.out.print(GeneratedTopology.of(entities, Integer.parseInt(args[1]), board).yaml());
    }
}
