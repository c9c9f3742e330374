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
 * The job on {@code local-cluster[2,1,1024]}: two real executor JVMs, so every task result,
 * broadcast and shuffle goes through Kryo between processes. Outputs equal local-core's for 1, 3
 * and 7 partitions on the bundled yeast genome and on a simulated one, for both strategies.
 *
 * <p>The executors are launched by Spark's worker from {@code $SPARK_HOME} (surefire sets it to
 * target/spark-home; an empty jars/ folder is enough) with this JVM's class path.
 */
class LocalClusterJobTest {
    static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sc = new JavaSparkContext(SparkTesting.localClusterConf("local-cluster[2,1,1024]", "LocalClusterJobTest"));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    @Test
    void twoExecutorJvmsGiveLocalCoreOutputs() throws IOException, InterruptedException {
        // Two executor JVMs really run (they register a moment after the context starts).
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (sc.sc().getExecutorIds().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(2, sc.sc().getExecutorIds().size(), "executors: " + sc.sc().getExecutorIds());
        SparkRepriseJobTest.assertSameAsLocalCore(sc, dir, SparkRepriseJobTest.bundledYeast(), "yeast", 1, 3, 7);
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        SparkRepriseJobTest.assertSameAsLocalCore(sc, dir, genome, "sim", 1, 3, 7);
    }

    /** The partitioned strategy: partition tasks in two JVMs, their results and the broadcast ranks through Kryo. */
    @Test
    void twoExecutorJvmsGiveLocalCoresPartitionedOutputs() throws IOException {
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        SparkRepriseJobTest.assertPartitionedSameAsLocalCore(sc, dir, genome, "psim", new String[0], 1, 3, 7);
    }
}
