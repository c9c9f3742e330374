package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprise.testing.Sequences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that throws on its first attempt ({@link FaultInjection}, in each stage that has a fault
 * point) is retried and the outputs are byte-identical to an undisturbed run, for the exact job
 * and the partitioned strategy; in local[2] without retries the same fault fails the run (so the
 * fault is real). Executor deaths: {@link LocalClusterFaultTest}.
 */
class FaultInjectionTest {
    static JavaSparkContext sc;
    static Path genome;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        // local[2,2]: two task threads, a failed task tried twice (plain local[N] never retries)
        sc = SparkTesting.context("local[2,2]", "FaultInjectionTest");
        genome = shared.resolve("small.fa");
        Files.writeString(genome, smallGenome(new Random(2026)));
    }

    /** {@link org.reprise.testing.CliRuns#threeFamilies}. */
    static String smallGenome(Random rnd) {
        return org.reprise.testing.CliRuns.threeFamilies(rnd);
    }

    private static final java.util.Map<String, Path> CLEAN = new java.util.HashMap<>();

    /** The undisturbed run of a strategy (made once). */
    private static Path clean(String strategy) {
        return CLEAN.computeIfAbsent(strategy, s -> {
            Path out = shared.resolve("clean-" + s).resolve("g");
            FaultRun r = run(sc, genome, out, s, null, null);
            assertEquals(0, r.exit(), r.err());
            return out;
        });
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    static List<String> strategyArgs(String strategy) {
        return strategy.equals("exact") ? List.of("--strategy", "exact", "--partitions", "3", "--window", "64")
                : List.of("--strategy", "partitioned", "--partitions", "3", "--window", "64");
    }

    /** Runs the job into {@code out}, with {@code fault} (null: none) as the submitting thread's setting. */
    static FaultRun run(JavaSparkContext sc, Path genome, Path out, String strategy, String fault, Path marker) {
        List<String> args = new ArrayList<>(List.of("-input", genome.toUri().toString(), "-output", out.toUri().toString(), "-q"));
        args.addAll(strategyArgs(strategy));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        sc.setLocalProperty(FaultInjection.SETTING, fault);
        sc.setLocalProperty(FaultInjection.MARKER, marker == null ? null : marker.toString());
        try {
            int code = SparkRepriseJob.execute(args.toArray(new String[0]), sc, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new FaultRun(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            sc.setLocalProperty(FaultInjection.SETTING, null);
            sc.setLocalProperty(FaultInjection.MARKER, null);
        }
    }

    record FaultRun(int exit, String err) {
    }

    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        String name = expected.getFileName().toString();
        String other = actual.getFileName().toString();
        for (String suffix : SparkRepriseJobTest.OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name + suffix)), Files.readAllBytes(actual.resolve(other + suffix)),
                    suffix + " differs from the undisturbed run's");
        }
        assertTrue(Files.isRegularFile(actual.resolve("_SUCCESS")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "exact, partitions:1",
        "exact, counting:0",
        "exact, drafting:0",
        "partitioned, partitions:1",
        "partitioned, counting:0",
        "partitioned, discovery:1",
        "partitioned, drafting:0"})
    void aTaskThatThrowsOnItsFirstAttemptIsRetriedAndChangesNothing(String strategy, String where) throws IOException {
        Path clean = clean(strategy);
        assertTrue(Files.readString(clean.resolve("g.reprof")).contains(">R=2,"), "too few families to be a test");

        Path marker = dir.resolve("fired");
        Path faulty = dir.resolve("faulty").resolve("g");
        FaultRun r = run(sc, genome, faulty, strategy, where + ":throw", marker);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(marker), "the fault at " + where + " never fired");
        assertSameOutputs(clean, faulty);
    }

    @Test
    void aFaultOnEveryAttemptFailsTheRunInOneLineAndLeavesNoOutput() throws IOException {
        Path out = dir.resolve("failed").resolve("g");
        FaultRun r = run(sc, genome, out, "exact", "counting:0:fail", null);
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("reprise-spark: error: the Spark job failed: Job aborted due to stage failure: "),
                lines.get(0));
        assertTrue(lines.get(0).contains("failed 2 times") && lines.get(0).contains("injected fault: counting, partition 0"),
                lines.get(0));
        assertFalse(Files.exists(out), "a failed run left its output folder");
    }
}
