package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same options and seed, same bytes; another seed, another genome; streams independent of each other. */
class DeterminismTest {
    private static final String[] SUFFIXES = {".fa", ".fa.fai", ".truth.bed", ".families.fa", ".truth.tsv"};

    @TempDir
    Path dir;

    private static SimulationParameters.Builder small() {
        return SimulationParameters.builder().length(300_000).contigs(4).families(12).copies(3, 30).satellites(3)
                .lowComplexity(8);
    }

    private String run(String name, SimulationParameters p) throws IOException {
        String prefix = dir.resolve(name).toString();
        Simulation.run(p, prefix, null);
        return prefix;
    }

    @Test
    void sameOptionsAndSeedGiveByteIdenticalFiles() throws IOException {
        String a = run("a", small().seed(42).build());
        String b = run("b", small().seed(42).build());
        for (String s : SUFFIXES) {
            assertArrayEquals(Files.readAllBytes(Path.of(a + s)), Files.readAllBytes(Path.of(b + s)), s);
        }
    }

    @Test
    void anotherSeedGivesAnotherGenome() throws IOException {
        String a = run("a", small().seed(1).build());
        String b = run("b", small().seed(2).build());
        assertFalse(Arrays.equals(Files.readAllBytes(Path.of(a + ".fa")), Files.readAllBytes(Path.of(b + ".fa"))));
        assertFalse(Arrays.equals(Files.readAllBytes(Path.of(a + ".families.fa")),
                Files.readAllBytes(Path.of(b + ".families.fa"))));
    }

    @Test
    void copyNumbersDoNotChangeTheFamilies() throws IOException {
        // Each family draws from its own stream, so asking for other copy numbers (or another
        // genome length) plants other copies of the same consensi.
        String a = run("a", small().seed(5).build());
        String b = run("b", small().seed(5).copies(10, 20).length(400_000).build());
        assertEquals(Files.readString(Path.of(a + ".families.fa")), Files.readString(Path.of(b + ".families.fa")));
        assertFalse(Files.readString(Path.of(a + ".truth.bed")).equals(Files.readString(Path.of(b + ".truth.bed"))));
    }

    @Test
    void theWriterMakesTheSameBasesTwiceFromOnePlan() throws IOException {
        GenomePlan plan = SimulationPlanner.plan(small().seed(9).build());
        java.io.ByteArrayOutputStream x = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream y = new java.io.ByteArrayOutputStream();
        GenomeWriter.write(plan, x, null);
        GenomeWriter.write(plan, y, null);
        assertArrayEquals(x.toByteArray(), y.toByteArray());
        assertEquals(new FastaLayout(plan, 60).fileBytes(), x.size());
    }
}
