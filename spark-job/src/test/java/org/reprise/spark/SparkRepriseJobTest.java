package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.RepriseCli;
import org.reprise.testing.Sequences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job in local[2] gives local-core's outputs byte for byte, for 1, 3 and 7 partitions,
 * on the bundled yeast genome and on a simulated one (families of 3 to 400 copies on both strands,
 * contigs cut into several chunks).
 */
class SparkRepriseJobTest {
    static final String[] OUTPUTS = {".reprof", ".bed", ".freq", ".masked"};
    static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = SparkTesting.context("local[2]", "SparkRepriseJobTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    static Path bundledYeast() {
        return Path.of("..", "examples", "sacCer_chrI_chrII.fa.gz").toAbsolutePath().normalize();
    }

    @Test
    void bundledYeastEqualsLocalCoreForAnyPartitioning() throws IOException {
        assertSameAsLocalCore(sc, dir, bundledYeast(), "yeast", 1, 3, 7);
    }

    @Test
    void simulatedGenomeEqualsLocalCoreForAnyPartitioning() throws IOException {
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertSameAsLocalCore(sc, dir, genome, "sim", 1, 3, 7);
    }

    @Test
    void oneMismatchCopiesEqualLocalCore() throws IOException {
        // -dist 1: neighbourhoods from the deletion-keyed shuffle, against local-core's HammingOneTable.
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertSameAsLocalCore(sc, dir, genome, "sim-d1", new String[] {"-dist", "1"}, 3, 7);
        assertSameAsLocalCore(sc, dir, bundledYeast(), "yeast-d1", new String[] {"-dist", "1"}, 3);
    }

    @Test
    void shortFirstFlanksAreRedoneWithTheFullWindow() throws IOException {
        // With 60-base flanks nearly every draft might reach past them: the rounds must notice
        // and draft again with maxextend + maxgap, and the output must not change.
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertSameAsLocalCore(sc, dir, genome, "short", new String[] {"--flank", "60"}, 3);
        String summary = Files.readString(dir.resolve("spark-short-p3").resolve("short").resolve("short.summary.json"));
        assertTrue(!summary.contains("\"drafts_with_full_window\": 0,"), summary);
    }

    /** Runs local-core's CLI, then the Spark job for each partition count, and compares the files. */
    static void assertSameAsLocalCore(JavaSparkContext sc, Path dir, Path genome, String name, int... partitions)
            throws IOException {
        assertSameAsLocalCore(sc, dir, genome, name, new String[0], partitions);
    }

    static void assertSameAsLocalCore(JavaSparkContext sc, Path dir, Path genome, String name, String[] extra,
                                      int... partitions) throws IOException {
        Path local = dir.resolve("local-" + name);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> localArgs = new ArrayList<>(List.of("-input", genome.toString(), "-output", local.toString(), "-q"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i].equals("-dist")) {
                localArgs.addAll(List.of(extra[i], extra[i + 1])); // the algorithm's options, not the job's
            }
        }
        int exit = RepriseCli.execute(localArgs.toArray(new String[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, exit, err.toString());
        assertTrue(Files.readString(Path.of(local + ".reprof")).contains(">R=1,"), "too few families to be a test");
        for (int p : partitions) {
            Path out = dir.resolve("spark-" + name + "-p" + p).resolve(name);
            ByteArrayOutputStream jobErr = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("-input", genome.toUri().toString(), "-output",
                    out.toUri().toString(), "--partitions", Integer.toString(p), "--window", "64", "-q"));
            args.addAll(List.of(extra));
            int code = SparkRepriseJob.execute(args.toArray(new String[0]),
                    sc, new PrintStream(new ByteArrayOutputStream()), new PrintStream(jobErr));
            assertEquals(0, code, jobErr.toString());
            assertTrue(Files.exists(out.resolve("_SUCCESS")), "no _SUCCESS in " + out);
            for (String suffix : OUTPUTS) {
                assertArrayEquals(Files.readAllBytes(Path.of(local + suffix)), Files.readAllBytes(out.resolve(name + suffix)),
                        name + suffix + " differs from local-core's with " + p + " partitions");
            }
        }
    }
}
