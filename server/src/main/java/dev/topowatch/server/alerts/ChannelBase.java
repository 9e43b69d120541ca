package dev.topowatch.server.alerts;

import java.time.Duration;
import java.util.Set;

/** What every channel holds the same way: the kinds it was asked for, whether it groups, its pace. */
public abstract class ChannelBase implements Channel {
    private final Set<AlertKind> wants;
    private final boolean groups;
    private final Duration pace;

    protected ChannelBase(Set<AlertKind> wants, boolean groups, Duration pace) {
        this.wants = Set.copyOf(wants);
        this.groups = groups;
        this.pace = pace;
    }

    @Override
    public final Set<AlertKind> wants() {
        return wants;
    }

    @Override
    public final boolean groups() {
        return groups;
    }

    @Override
    public final Duration pace() {
        return pace;
    }
}
