package dev.topowatch.server.cli;

import picocli.CommandLine;

/** The version the jar's manifest carries, so that it is set in one place: the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        var version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"topowatch " + (version == null ? "development build" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
