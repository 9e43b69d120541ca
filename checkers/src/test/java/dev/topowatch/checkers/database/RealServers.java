package dev.topowatch.checkers.database;

import org.junit.jupiter.api.Assumptions;

import java.util.concurrent.Callable;

/**
 * Starts a real server for a test class. On a laptop that cannot run one (no binaries for its
 * platform, a sandbox) the class is skipped; under {@code CI=true} it fails instead, so that CI can
 * never pass by skipping the tests that matter.
 */
final class RealServers {
    private RealServers() {
    }

    static <T> T startOrSkip(String what, Callable<T> start) {
        try {
            return start.call();
        } catch (Exception | LinkageError failed) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("could not start " + what + ", and CI=true does not allow skipping", failed);
            }
            Assumptions.abort("could not start " + what + " on this machine: " + failed);
            throw new AssertionError("unreachable");
        }
    }
}
