package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.testing.Sequences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The partitioned strategy on {@code local-cluster[1,1,1024]}: one real executor JVM runs every
 * partition task in turn; with {@link LocalClusterJobTest}'s two executors this shows the outputs
 * do not depend on the executor count (both equal local-core's partitioned run).
 */
class LocalClusterOneExecutorTest {
    static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sc = new JavaSparkContext(SparkTesting.localClusterConf("local-cluster[1,1,1024]", "LocalClusterOneExecutorTest"));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    /** The partitioned strategy: all partition tasks in one executor JVM, their results and the broadcast ranks through Kryo. */
    @Test
    void oneExecutorJvmGivesLocalCoresPartitionedOutputs() throws IOException, InterruptedException {
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (sc.sc().getExecutorIds().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, sc.sc().getExecutorIds().size(), "executors: " + sc.sc().getExecutorIds());
        SparkRepriseJobTest.assertPartitionedSameAsLocalCore(sc, dir, genome, "psim", new String[0], 1, 3, 7);
    }

}
