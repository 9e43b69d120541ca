package dev.topowatch.server.alerts;

import dev.topowatch.topology.ChannelSpec;
import dev.topowatch.topology.load.ConfigNode;

import java.util.List;

/**
 * A kind of alert channel, the one thing its package gives the board: how its section of
 * {@code alerts:} is read (errors located like the rest of the file), and how a read section becomes
 * the channels that deliver. Registered by one line in {@link Channels}.
 *
 * @param <S> the channel's own spec, a record
 */
public interface ChannelType<S extends ChannelSpec> {

    /** Its key under {@code alerts:}, such as {@code slack}. */
    String key();

    /** The spec's class, so that the board can hand a spec it kept to the type that read it. */
    Class<S> specType();

    /** Reads the section; a best effort after errors were reported through {@code section}, or null. */
    S read(ConfigNode section);

    /** The channels of {@code spec} (one per chat or address) and what they share, to be closed with them. */
    Opened open(S spec, ChannelContext context);

    /** Opens a spec that this type read. */
    default Opened openSpec(ChannelSpec spec, ChannelContext context) {
        return open(specType().cast(spec), context);
    }

    /**
     * @param channels  each delivers from its own outbox on a worker of its own
     * @param resources what they share (a client, a bot's command loop), closed when the channels stop
     */
    record Opened(List<Channel> channels, List<AutoCloseable> resources) {
        public Opened {
            channels = List.copyOf(channels);
            resources = List.copyOf(resources);
        }

        public static Opened of(List<Channel> channels) {
            return new Opened(channels, List.of());
        }
    }
}
