package dev.topowatch.server.alerts;

import java.util.Optional;

/**
 * The picture a root-cause alert carries: the root and its casualties, as a PNG. Empty when none can
 * be made; the alert then goes out as text.
 */
@FunctionalInterface
public interface AlertPictures {

    /** A PNG of {@code root} and what it blocks, or empty. May take a moment; called on a channel's own thread. */
    Optional<byte[]> focusOn(String root);
}
