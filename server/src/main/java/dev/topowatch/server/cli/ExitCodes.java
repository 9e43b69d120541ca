package dev.topowatch.server.cli;

/** What the process exit status means, the same for every command. */
final class ExitCodes {
    static final int OK = 0;
    /** The topology has errors ({@code validate}, {@code serve}). */
    static final int INVALID = 1;
    static final int USAGE = 2;
    /** The board could not start: the database cannot be opened, the port is taken. */
    static final int CANNOT_START = 3;

    private ExitCodes() {
    }
}
