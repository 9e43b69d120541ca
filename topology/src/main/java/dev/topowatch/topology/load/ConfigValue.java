package dev.topowatch.topology.load;

/** One single value of a list in the topology file, with its place: a problem with it is reported there. */
public final class ConfigValue {
    private final YamlMap map;
    private final Scalar scalar;
    private final String field;

    ConfigValue(YamlMap map, Scalar scalar, String field) {
        this.map = map;
        this.scalar = scalar;
        this.field = field;
    }

    /** The value with {@code ${VAR}} expanded, stripped. */
    public String value() {
        return scalar.value().strip();
    }

    /** {@code (got 'x')}, or {@code (value of ${VAR} not shown)}. */
    public String shown() {
        return scalar.shown();
    }

    /** Reports a problem at this value, the message after its field's name: {@code 'alerts.email.to' MESSAGE}. */
    public void error(String message) {
        map.error(scalar.node(), field + " " + message);
    }
}
