package org.reprise.util;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MemoryUse#heapLimit}: under the parallel collector's default generations the old one is
 * two thirds of the heap, so a plan counting on 80% of the limit gets less than the JVM's limit;
 * with a small young generation (what bin/reprise gives a large run) it gets the whole limit.
 * Each case in a JVM of its own, the only way to choose its collector and generations.
 */
class HeapLimitTest {
    /** Prints the JVM's limit and the planning limit, for the test's subprocesses. */
    public static void main(String[] args) {
        System.out.println(Runtime.getRuntime().maxMemory() + " " + MemoryUse.heapLimit(0.8));
    }

    private static long[] limits(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeapLimitTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] f = out.split(" ");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    @Test
    void theDefaultOldGenerationOfTheParallelCollectorBoundsThePlan() throws Exception {
        long[] l = limits("-XX:+UseParallelGC", "-Xmx600m");
        // old generation 400 MiB, of which a plan may count on 80%: a limit of 500 MiB
        assertEquals(400L << 20, (long) (l[1] * 0.8), 2L << 20, "limit " + l[1] + " of max " + l[0]);
        assertTrue(l[1] < l[0], "the old generation bounds the plan: " + l[1] + " vs " + l[0]);
    }

    @Test
    void aSmallYoungGenerationLeavesTheWholeLimit() throws Exception {
        long[] l = limits("-XX:+UseParallelGC", "-Xmx600m", "-Xmn75m");
        assertEquals(l[0], l[1]);
    }

    @Test
    void neverMoreThanTheJvmsLimit() {
        long limit = MemoryUse.heapLimit(0.8);
        assertTrue(limit > 0 && limit <= Runtime.getRuntime().maxMemory(), String.valueOf(limit));
    }
}
