package dev.topowatch.topology.check;

/** An accepted HTTP status: one code ({@code 200}) or a class ({@code 2xx}, stored as 200..299). */
public record StatusPattern(int low, int high) {

    public StatusPattern {
        if (low < 100 || high > 599 || low > high) {
            throw new IllegalArgumentException("HTTP status must be within 100..599, got " + low + ".." + high);
        }
    }

    public static StatusPattern code(int code) {
        return new StatusPattern(code, code);
    }

    public static StatusPattern ofClass(int firstDigit) {
        return new StatusPattern(firstDigit * 100, firstDigit * 100 + 99);
    }

    public boolean matches(int status) {
        return status >= low && status <= high;
    }

    @Override
    public String toString() {
        return low == high ? Integer.toString(low) : (low / 100) + "xx";
    }
}
