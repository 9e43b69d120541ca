package dev.topowatch.checkers.support;

import dev.topowatch.checkers.CheckResult;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One check run against a hostile target, with what it cost: wall time, and the bytes the calling
 * thread allocated (the checkers named here read on the caller's thread, so this is the memory the
 * answer cost). Printed as one {@code key=value} line so that RELIABILITY.md can quote the numbers; the
 * tests assert the status, the error and loose bounds, never tight timings.
 */
public record Measured(CheckResult result, Duration took, long allocatedBytes, long heapGrowthBytes) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static Measured run(String name, Supplier<CheckResult> check) {
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP).toList();
        heapPools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        var result = check.get();
        var took = Duration.ofNanos(System.nanoTime() - started);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        // The highest the heap stood during the check, over where it started: rough (other threads
        // allocate too), but it sees what a checker's own worker thread held, which the count above does not.
        long heapGrowth = Math.max(0, heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - heapBefore);
        var measured = new Measured(result, took, allocated, heapGrowth);
        System.out.printf("hostile case=%s status=%s tookMs=%d allocatedKiB=%d heapPeakGrowthKiB=%d error=\"%s\"%n",
                name, result.status().name().toLowerCase(java.util.Locale.ROOT), took.toMillis(),
                allocated / 1024, heapGrowth / 1024, result.error());
        return measured;
    }

    /**
     * What every error on the board must be: one line of printable text, short enough to read. A
     * target's bytes (invalid UTF-8, escape sequences, NULs) must not reach it raw.
     */
    public static void assertOneClearLine(String error) {
        assertThat(error).isNotBlank();
        assertThat(error.length()).as("length of: %s", error).isLessThanOrEqualTo(320);
        error.codePoints().forEach(codePoint -> assertThat(isPrintable(codePoint))
                .as("character U+%04X in error: %s", codePoint, error.replaceAll("\\p{Cntrl}", "?"))
                .isTrue());
    }

    private static boolean isPrintable(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UNASSIGNED, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
