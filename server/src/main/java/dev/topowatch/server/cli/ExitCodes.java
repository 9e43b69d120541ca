package dev.topowatch.server.cli;

/** What the process exit status means, the same for every command. */
final class ExitCodes {
    static final int OK = 0;
    /** The topology has errors ({@code validate}, {@code serve}). */
    static final int INVALID = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
