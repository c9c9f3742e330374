package org.reprise.util;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the process holds now, for the phase-by-phase memory figures of {@code summary.json}: the
 * heap in use (live objects and garbage not yet collected), the heap the JVM has committed (what
 * the resident set follows), and the resident set, now and at its peak so far (Linux only:
 * {@code /proc/self/status}; -1 elsewhere). Reading them costs microseconds and forces no
 * collection.
 */
public final class MemoryUse {
    private MemoryUse() {
    }

    /** The figures of this instant, in bytes: heap_used, heap_committed, rss, rss_peak. */
    public static Map<String, Long> now() {
        Map<String, Long> m = new LinkedHashMap<>();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heap_used", heap.getUsed());
        m.put("heap_committed", heap.getCommitted());
        long[] rss = residentSet();
        m.put("rss", rss[0]);
        m.put("rss_peak", rss[1]);
        return m;
    }

    /**
     * The heap a run may plan for: the JVM's limit ({@link Runtime#maxMemory}), or less when the
     * old generation cannot hold {@code usable} of that limit. What a run holds for long (the k-mer
     * index, the candidate tables, the masks) ends in the old generation, and a generational
     * collector bounds it (the parallel collector's default: two thirds of -Xmx), so a plan that
     * counts on {@code usable} of the limit gets a limit whose {@code usable} share fits there.
     */
    public static long heapLimit(double usable) {
        long max = Runtime.getRuntime().maxMemory();
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            long poolMax = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            if (pool.getType() == java.lang.management.MemoryType.HEAP && poolMax > 0
                    && (name.contains("Old Gen") || name.contains("Tenured"))) {
                max = Math.min(max, (long) (poolMax / usable));
            }
        }
        return max;
    }

    /** {VmRSS, VmHWM} of this process in bytes, or {-1, -1} when /proc is not there. */
    public static long[] residentSet() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = kilobytes(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        return out;
    }

    private static long kilobytes(String line) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[1]) * 1024;
    }
}
