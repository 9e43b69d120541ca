package dev.topowatch.topology;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code board:} section: how the board itself runs.
 *
 * @param url       the board's public address, used for links in alerts; may be null
 * @param token     guards every state-changing endpoint; null disables them
 * @param readToken guards reads too when set; may be null
 */
public record Board(String title, HostPort listen, Path database, Secret token, Secret readToken,
                    Duration retention, Layout layout, ConfigText url) {

    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8080);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final String DEFAULT_TITLE = "topowatch";

    /** The diagram's layout engine. */
    public enum Layout { AUTO, DOT, ELK, SMETANA }
}
