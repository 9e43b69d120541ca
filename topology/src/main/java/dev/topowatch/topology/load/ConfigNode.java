package dev.topowatch.topology.load;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One value of the topology file handed to code outside this module (a channel's reader), which
 * reads it as a mapping or a list of mappings; every error it reports lands with the file's others,
 * at the value's line and column.
 */
public final class ConfigNode {
    private final Reading reading;
    private final Node node;
    private final Node key;
    private final String field;

    /** @param field the value's dotted name in messages, such as {@code alerts.slack} */
    ConfigNode(Reading reading, Node node, Node key, String field) {
        this.reading = reading;
        this.node = node;
        this.key = key;
        this.field = field;
    }

    /** The value as a mapping, its fields named {@code alerts.slack.x}; null after an error when it is not one. */
    public ConfigMap asMap() {
        if (!(node instanceof MappingNode mapping)) {
            reading.problems.error(node, "'" + field + "' must be a mapping of key: value, not " + Reading.describe(node));
            return null;
        }
        return new ConfigMap(YamlMap.section(reading, mapping, field + ".", key), "in " + field);
    }

    /**
     * The value as a list of mappings, each item's messages starting with {@code alerts.webhooks[0]};
     * items that are not mappings are reported and left out.
     *
     * @param what what one item is, for the messages: {@code a webhook}
     */
    public List<ConfigMap> asListOfMaps(String what) {
        if (!(node instanceof SequenceNode sequence)) {
            reading.problems.error(node, "'" + field + "' must be a list, not " + Reading.describe(node));
            return List.of();
        }
        var items = new ArrayList<ConfigMap>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            var item = YamlMap.item(reading, sequence.getValue().get(i), field + "[" + i + "]", what);
            if (item != null) {
                items.add(new ConfigMap(item, "in " + what));
            }
        }
        return items;
    }
}
