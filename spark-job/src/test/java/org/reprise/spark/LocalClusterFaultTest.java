package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An executor JVM that dies in the middle of a partition's task ({@link FaultInjection}'s
 * {@code exit}: {@code Runtime.halt} on the task's first attempt) on {@code local-cluster[2,1,1024]}:
 * the task is retried elsewhere (lost cached partitions and shuffle outputs recomputed) and the
 * outputs are byte-identical to an undisturbed run, for the exact job and the partitioned strategy.
 * SPARK_HOME as in {@link LocalClusterJobTest}.
 */
class LocalClusterFaultTest {
    static JavaSparkContext sc;
    static Path genome;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sc = new JavaSparkContext(SparkTesting.localClusterConf("local-cluster[2,1,1024]", "LocalClusterFaultTest")
                .set("spark.task.maxFailures", "4"));
        genome = shared.resolve("small.fa");
        Files.writeString(genome, FaultInjectionTest.smallGenome(new Random(2026)));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"exact, counting:0", "partitioned, discovery:1"})
    void anExecutorThatDiesMidPartitionChangesNothing(String strategy, String where) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (sc.sc().getExecutorIds().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Path clean = dir.resolve("clean").resolve("g");
        FaultInjectionTest.FaultRun undisturbed = FaultInjectionTest.run(sc, genome, clean, strategy, null, null);
        assertEquals(0, undisturbed.exit(), undisturbed.err());

        Path marker = dir.resolve("fired");
        Path faulty = dir.resolve("faulty").resolve("g");
        FaultInjectionTest.FaultRun r = FaultInjectionTest.run(sc, genome, faulty, strategy, where + ":exit", marker);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(marker), "the executor never died at " + where);
        FaultInjectionTest.assertSameOutputs(clean, faulty);
    }
}
