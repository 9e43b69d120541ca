package dev.topowatch.topology.load;

import dev.topowatch.topology.GroupRule;
import dev.topowatch.topology.check.CheckSpec;
import dev.topowatch.topology.check.GroupCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code type: group}: {@code members} and a {@code rule} ({@code all}, {@code any}, {@code N of M}). */
final class GroupSpecReader implements SpecReader {
    private static final Pattern QUORUM = Pattern.compile("(\\d{1,6})\\s*of\\s*(\\d{1,6})");

    @Override
    public Set<String> keys() {
        return Set.of("members", "rule");
    }

    @Override
    public CheckSpec read(YamlMap map, Context context) {
        map.require("members");
        var members = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var member : map.scalars("members", false)) {
            var name = member.value().strip();
            if (!seen.add(name)) {
                map.error(member.node(), map.field("members") + " lists " + Scalar.quote(member.display().strip()) + " twice");
                continue;
            }
            members.add(name);
            context.references().add(new Reference(context.entity(), map.context(), Reference.Kind.MEMBER, name,
                    member.display().strip(), member.node()));
        }
        if (map.has("members") && !YamlMap.isNull(map.valueNode("members")) && members.isEmpty() && seen.isEmpty()) {
            map.error(map.valueNode("members"), map.field("members") + " must list at least one entity");
        }
        return new GroupCheck(members, rule(map, members));
    }

    private static GroupRule rule(YamlMap map, List<String> members) {
        var scalar = map.scalar("rule");
        if (scalar == null) {
            return GroupRule.all();
        }
        var word = scalar.value().strip().toLowerCase(Locale.ROOT);
        if (word.equals("all")) {
            return GroupRule.all();
        }
        if (word.equals("any")) {
            return GroupRule.any();
        }
        var quorum = QUORUM.matcher(word);
        if (!quorum.matches()) {
            map.error(scalar.node(), map.field("rule") + " must be all, any, or N of M such as '2 of 3' " + scalar.shown());
            return GroupRule.all();
        }
        int required = Integer.parseInt(quorum.group(1));
        int outOf = Integer.parseInt(quorum.group(2));
        if (outOf != members.size()) {
            map.error(scalar.node(), map.field("rule") + " '" + required + " of " + outOf + "' counts " + outOf
                    + " members but the group has " + members.size());
            return GroupRule.all();
        }
        if (required < 1 || required > outOf) {
            map.error(scalar.node(), map.field("rule") + " '" + required + " of " + outOf + "' needs N between 1 and " + outOf);
            return GroupRule.all();
        }
        return GroupRule.quorum(required, outOf);
    }
}
