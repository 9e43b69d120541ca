package dev.topowatch.topology.load;

import dev.topowatch.topology.Defaults;
import dev.topowatch.topology.Entity;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code entities:} of the topology file and of every file it includes, read into one set of
 * names: a name declared twice is an error that names both places, and references resolve across files.
 */
final class EntitySection {
    private final Reading reading;
    private final TreeMap<String, Entity> entities = new TreeMap<>();
    /** Every name declared, also those too broken to build, so that references to them are not errors too. */
    private final Set<String> declared = new HashSet<>();
    private final Map<String, Node> declaredAt = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    EntitySection(Reading reading) {
        this.reading = reading;
    }

    /** Reads the {@code entities:} of one file, whose {@code defaults}, folder and project its entities take. */
    void read(YamlMap file, Defaults defaults, Path directory, String project) {
        var section = YamlMap.of(reading, file.valueNode("entities"), "", "'entities'", file.keyNode("entities"));
        if (section == null) {
            return;
        }
        var reader = new EntityReader(reading, defaults, directory, references, project);
        for (var name : section.keys()) {
            var nameNode = (ScalarNode) section.keyNode(name);
            if (!EntityReader.NAME.matcher(name).matches()) {
                reading.problems.error(nameNode, "invalid entity name " + Scalar.quote(name)
                        + ": use letters, digits, '_', '-' and '.', at most 128 of them");
                continue;
            }
            if (!declared.add(name)) {
                reading.problems.error(nameNode, "entity " + Scalar.quote(name) + " is defined twice: already at " + place(declaredAt.get(name))
                        + " (names are unique across included files)");
                continue;
            }
            declaredAt.put(name, nameNode);
            var entity = reader.read(name, nameNode, section.valueNode(name));
            if (entity != null) {
                entities.put(name, entity);
            }
        }
    }

    /** {@code FILE:LINE:COL}, the file being the one the node was read from. */
    private static String place(Node node) {
        return node.getStartMark().map(mark -> mark.getName() + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)).orElse("?");
    }

    /** The entities, once every reference is checked (names, kinds, cycles) across all files. */
    TreeMap<String, Entity> checked() {
        ReferenceCheck.check(references, declared, entities, reading.problems);
        CycleCheck.check(references, entities, reading.problems);
        return entities;
    }
}
