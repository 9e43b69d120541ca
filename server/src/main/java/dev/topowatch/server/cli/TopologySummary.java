package dev.topowatch.server.cli;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Topology;
import dev.topowatch.topology.check.GroupCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The few facts about a topology a person wants after loading it. */
record TopologySummary(int entities, String perType, long servers, long dependencyEdges, String perProject) {

    static TopologySummary of(Topology topology) {
        var perType = topology.countByType().entrySet().stream()
                .map(entry -> entry.getKey().yamlName() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        long edges = topology.entities().values().stream()
                .mapToLong(entity -> entity.dependencyNames().size()
                        + (entity.check() instanceof GroupCheck group ? group.members().size() : 0))
                .sum();
        var perProject = topology.entities().values().stream().filter(entity -> entity.project() != null)
                .collect(Collectors.groupingBy(Entity::project, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        return new TopologySummary(topology.entities().size(), perType,
                topology.countByType().getOrDefault(EntityType.SERVER, 0L), edges, perProject);
    }

    /** The entities first (the start-up log line shows that one); the projects only when there are any. */
    List<String> lines() {
        var lines = new ArrayList<>(List.of(
                ValidateCommand.plural(entities, "entity").replace("entitys", "entities") + (perType.isEmpty() ? "" : " (" + perType + ")"),
                ValidateCommand.plural((int) servers, "server"),
                ValidateCommand.plural((int) dependencyEdges, "dependency edge")));
        if (!perProject.isEmpty()) {
            lines.add("entities per project: " + perProject);
        }
        return lines;
    }
}
