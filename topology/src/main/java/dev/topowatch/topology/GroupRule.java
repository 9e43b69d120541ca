package dev.topowatch.topology;

/**
 * How a {@code group} derives its status from its members: {@code all}, {@code any}, or a quorum
 * such as {@code 2 of 3} ({@code required} of {@code outOf} members must be available).
 */
public record GroupRule(Kind kind, int required, int outOf) {

    public enum Kind { ALL, ANY, QUORUM }

    public GroupRule {
        if (kind == Kind.QUORUM && (required < 1 || required > outOf)) {
            throw new IllegalArgumentException("a quorum needs 1 <= N <= M, got " + required + " of " + outOf);
        }
    }

    public static GroupRule all() {
        return new GroupRule(Kind.ALL, 0, 0);
    }

    public static GroupRule any() {
        return new GroupRule(Kind.ANY, 1, 0);
    }

    public static GroupRule quorum(int required, int outOf) {
        return new GroupRule(Kind.QUORUM, required, outOf);
    }

    /** Whether {@code available} members out of {@code total} satisfy the rule. */
    public boolean isSatisfied(int available, int total) {
        return switch (kind) {
            case ALL -> available == total;
            case ANY -> available >= 1;
            case QUORUM -> available >= required;
        };
    }

    /** The rule as written in the topology file. */
    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case ANY -> "any";
            case QUORUM -> required + " of " + outOf;
        };
    }
}
