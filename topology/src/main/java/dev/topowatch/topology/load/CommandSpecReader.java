package dev.topowatch.topology.load;

import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.CommandCheck;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.List;
import java.util.Set;

/** {@code type: command}: an argv list, or one string for {@code sh -c} with {@code shell: true}. */
final class CommandSpecReader implements SpecReader {

    @Override
    public Set<String> keys() {
        return Set.of("command", "shell", "expect");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("command");
        boolean shell = map.bool("shell", false);
        var node = map.valueNode("command");
        List<ConfigText> argv = List.of();
        if (node instanceof ScalarNode && !YamlMap.isNull(node)) {
            if (shell) {
                argv = map.scalars("command", true).stream().map(Scalar::text).toList();
            } else {
                map.error(node, map.field("command") + " is one string: write it as a list of words such as "
                        + "[systemctl, is-active, nginx], or set shell: true to run it with sh -c");
            }
        } else if (node != null) {
            argv = map.scalars("command", false).stream().map(Scalar::text).toList();
            if (shell && argv.size() > 1) {
                map.error(node, map.field("command") + " with shell: true must be one string for sh -c, not a list");
            }
        }
        if (!argv.isEmpty() && argv.stream().allMatch(word -> word.value().isBlank())) {
            map.error(node, map.field("command") + " must not be empty");
        }
        int exitCode = 0;
        ConfigText outputContains = null;
        var expect = map.map("expect");
        if (expect != null) {
            expect.rejectUnknown(Set.of("exit_code", "output_contains"), " in expect");
            exitCode = expect.integer("exit_code", 0, 0, 255);
            outputContains = expect.text("output_contains");
        }
        return new CommandCheck(argv.isEmpty() ? List.of(ConfigText.literal("true")) : argv, shell, exitCode, outputContains);
    }
}
