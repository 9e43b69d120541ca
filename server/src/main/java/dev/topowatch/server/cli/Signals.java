package dev.topowatch.server.cli;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** SIGHUP reloads the topology, as daemons have always done; where signals are unavailable, nothing happens. */
final class Signals {

    private Signals() {
    }

    static void onHangUp(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), signal -> Thread.ofVirtual().start(action));
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            LoggerFactory.getLogger(Signals.class).info("SIGHUP reload unavailable here: {}", unavailable.getMessage());
        }
    }
}
