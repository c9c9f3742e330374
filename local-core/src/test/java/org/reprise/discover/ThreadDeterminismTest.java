package org.reprise.discover;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.RepriseCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.reprise.testing.Sequences.simulatedGenome;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same input and parameters give byte-identical outputs whatever the thread count: on the bundled
 * yeast genome and on a simulated one with families from 3 to 400 copies (so that drafting ahead,
 * split extension and split element alignment all run), with -dist 0 and -dist 1.
 */
class ThreadDeterminismTest {
    private static final String[] OUTPUTS = {".reprof", ".bed", ".freq", ".masked"};
    private static final int[] THREADS = {1, 2, 3, 8};

    @TempDir
    Path dir;

    @Test
    void bundledYeastIsIdenticalForAnyThreadCount() throws IOException {
        Path genome = ReferenceFiles.bundledYeastPath();
        assertSameForAllThreadCounts(genome, "yeast");
    }

    @Test
    void simulatedGenomeIsIdenticalForAnyThreadCount() throws IOException {
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, simulatedGenome(new Random(2026)));
        assertSameForAllThreadCounts(genome, "sim");
        assertSameForAllThreadCounts(genome, "sim-d1", "-dist", "1");
    }

    private void assertSameForAllThreadCounts(Path genome, String name, String... extra) throws IOException {
        byte[][] first = null;
        for (int t : THREADS) {
            String prefix = dir.resolve(name + "-t" + t).toString();
            String[] args = new String[6 + extra.length];
            args[0] = "-input";
            args[1] = genome.toString();
            args[2] = "-output";
            args[3] = prefix;
            args[4] = "--threads";
            args[5] = Integer.toString(t);
            System.arraycopy(extra, 0, args, 6, extra.length);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = RepriseCli.execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertEquals(0, exit, err.toString());
            byte[][] files = new byte[OUTPUTS.length][];
            for (int f = 0; f < OUTPUTS.length; f++) {
                files[f] = Files.readAllBytes(Path.of(prefix + OUTPUTS[f]));
            }
            if (first == null) {
                first = files;
                assertTrue(new String(files[0]).contains(">R=1,"), "too few families to be a test");
            } else {
                for (int f = 0; f < OUTPUTS.length; f++) {
                    assertArrayEquals(first[f], files[f], name + OUTPUTS[f] + " differs with " + t + " threads");
                }
            }
        }
    }
}
