package dev.topowatch.topology.check;

import dev.topowatch.topology.GroupRule;

import java.util.List;

/** A business service: no probe of its own, its status derived from {@code members} by {@code rule}. */
public record GroupCheck(List<String> members, GroupRule rule) implements CheckSpec {

    public GroupCheck {
        members = List.copyOf(members);
    }
}
