package dev.topowatch.topology.load;

/** Reads a project's name, which URLs ({@code ?project=}), metric labels and chat commands carry. */
final class Projects {

    private Projects() {
    }

    /** The name under {@code key}, or null when absent or invalid (after an error). */
    static String name(YamlMap map, String key) {
        var scalar = map.scalar(key);
        if (scalar == null) {
            return null;
        }
        var name = scalar.value().strip();
        if (!EntityReader.NAME.matcher(name).matches()) {
            map.error(scalar.node(), map.field(key) + " must be a name of letters, digits, '_', '-' and '.', at most 128 of them "
                    + scalar.shown());
            return null;
        }
        return name;
    }
}
