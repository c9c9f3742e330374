package org.reprise.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.RepriseCli;
import org.reprise.discover.ReferenceFiles;
import org.reprise.params.Parameters;
import org.reprise.testing.Sequences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partitioned strategy through the command line: one partition holding the whole genome is
 * the exact strategy (library, elements and masked genome alike); with many partitions and contigs
 * cut into chunks the outputs do not depend on the thread count, and stay close to the exact
 * strategy's; the heap estimate refuses a run that cannot fit, and auto picks a strategy by it.
 */
class PartitionedDiscoveryTest {
    private static final String[] OUTPUTS = {".reprof", ".bed", ".freq", ".masked"};

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RepriseCli.execute(args, new PrintStream(out), new PrintStream(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path simulated() throws IOException {
        Path g = dir.resolve("sim.fa");
        if (!Files.exists(g)) {
            Files.writeString(g, Sequences.simulatedGenome(new Random(2026)));
        }
        return g;
    }

    /** The genome with each contig cut to its first {@code n} bases. */
    private Path firstBasesOfEachContig(Path genome, int n) throws IOException {
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (String line : Files.readAllLines(genome)) {
            if (line.startsWith(">")) {
                out.append(line).append('\n');
                kept = 0;
            } else if (kept < n) {
                String part = line.substring(0, Math.min(line.length(), n - kept));
                out.append(part).append('\n');
                kept += part.length();
            }
        }
        Path p = dir.resolve("first-" + n + ".fa");
        Files.writeString(p, out);
        return p;
    }

    private static List<String> sortedLines(Path p) throws IOException {
        List<String> l = new ArrayList<>(Files.readAllLines(p));
        l.sort(null);
        return l;
    }

    @Test
    void onePartitionHoldingTheWholeGenomeIsTheExactStrategy() throws IOException {
        for (Path genome : List.of(ReferenceFiles.bundledYeastPath(), simulated())) {
            String name = genome.getFileName().toString();
            String exact = dir.resolve("exact-" + name).toString();
            String part = dir.resolve("part-" + name).toString();
            assertEquals(0, run("-input", genome.toString(), "-output", exact, "--strategy", "exact", "-q").exit());
            Run r = run("-input", genome.toString(), "-output", part, "--strategy", "partitioned", "--partition-size", "100M", "-q");
            assertEquals(0, r.exit(), r.err());
            assertTrue(Files.readString(Path.of(exact + ".reprof")).contains(">R=1,"), "too few families to be a test");
            assertEquals(Files.readString(Path.of(exact + ".reprof")), Files.readString(Path.of(part + ".reprof")), name);
            assertEquals(sortedLines(Path.of(exact + ".bed")), sortedLines(Path.of(part + ".bed")), name
                    + ": the same elements, sorted by position");
            assertArrayEquals(Files.readAllBytes(Path.of(exact + ".masked")), Files.readAllBytes(Path.of(part + ".masked")));
            JsonNode s = new ObjectMapper().readTree(Path.of(part + ".summary.json").toFile());
            assertEquals("partitioned", s.get("strategy").asText());
            assertEquals(1, s.get("partitioned").get("partitions").asInt());
        }
    }

    @Test
    void outputsAreTheSameForAnyThreadCountAndCloseToExact() throws IOException {
        Path genome = simulated();
        String exact = dir.resolve("exact").toString();
        assertEquals(0, run("-input", genome.toString(), "-output", exact, "--strategy", "exact", "-q").exit());
        byte[][] first = null;
        for (int threads : new int[] {1, 2, 3}) {
            String prefix = dir.resolve("t" + threads).toString();
            // 50 kb partitions: several of them, every contig cut into chunks
            Run r = run("-input", genome.toString(), "-output", prefix, "--strategy", "partitioned",
                    "--partition-size", "50k", "--threads", Integer.toString(threads), "-q");
            assertEquals(0, r.exit(), r.err());
            byte[][] files = new byte[OUTPUTS.length][];
            for (int f = 0; f < OUTPUTS.length; f++) {
                files[f] = Files.readAllBytes(Path.of(prefix + OUTPUTS[f]));
            }
            if (first == null) {
                first = files;
            } else {
                for (int f = 0; f < OUTPUTS.length; f++) {
                    assertArrayEquals(first[f], files[f], OUTPUTS[f] + " differs with " + threads + " threads");
                }
            }
        }
        JsonNode part = new ObjectMapper().readTree(Path.of(dir.resolve("t1") + ".summary.json").toFile());
        JsonNode three = new ObjectMapper().readTree(Path.of(dir.resolve("t3") + ".summary.json").toFile());
        assertEquals(1, part.get("partitioned").get("partitions_at_once").asInt());
        assertEquals(3, three.get("partitioned").get("partitions_at_once").asInt(), "three partitions side by side");
        JsonNode ex = new ObjectMapper().readTree(Path.of(exact + ".summary.json").toFile());
        assertTrue(part.get("partitioned").get("partitions").asInt() >= 8, part.get("partitioned").toString());
        assertTrue(part.get("partitioned").get("reconciliation").get("boundary_claims").asLong()
                + part.get("partitioned").get("reconciliation").get("genome_wide_pass_families").asLong() > 0,
                "no boundary claim and no genome-wide family: the reconciliation was not exercised");
        long bases = ex.get("genome").get("bases").asLong();
        double dpp = 100.0 * Math.abs(part.get("masked_bases").asLong() - ex.get("masked_bases").asLong()) / bases;
        assertTrue(dpp < 1.0, "masked bases differ from exact's by " + dpp + " percentage points");
        assertTrue(part.get("families").asInt() <= 1.1 * ex.get("families").asInt(),
                part.get("families") + " families against exact's " + ex.get("families"));
    }

    /**
     * A contig shorter than twice the padding cut into two chunks: both chunks' padded ranges are
     * the whole contig and both can land in one partition; the run must keep them apart (it once
     * stopped on a duplicate chunk name) and report each copy once.
     */
    @Test
    void partitionsRunSideBySideAsTheThreadsAndTheHeapAllow() {
        Parameters p = Parameters.builder().k(15).build();
        long gb = 1L << 30;
        // 1 Gbp in 10 partitions of 100 Mb: one partition holds about 0.9 GB as the exact strategy would
        assertEquals(1, MemoryModel.partitionsAtOnce(1, 10, 1_000_000_000L, 1_000_000_000L, 100_000_000L, 0, 20 * gb, p));
        assertEquals(8, MemoryModel.partitionsAtOnce(8, 10, 1_000_000_000L, 1_000_000_000L, 100_000_000L, 0, 20 * gb, p));
        assertEquals(3, MemoryModel.partitionsAtOnce(8, 3, 1_000_000_000L, 1_000_000_000L, 100_000_000L, 0, 20 * gb, p));
        // the heap holds two partitions beside the genome-wide table, not three
        long two = MemoryModel.partitionsAtOnce(8, 10, 1_000_000_000L, 1_000_000_000L, 100_000_000L, 0, 5 * gb / 2, p);
        assertEquals(2, two);
        // never none, even when one partition does not fit (the heap check refuses that run before)
        assertEquals(1, MemoryModel.partitionsAtOnce(8, 10, 1_000_000_000L, 1_000_000_000L, 100_000_000L, 0, gb / 4, p));
    }

    @Test
    void twoChunksOfAShortContigInOnePartition() throws IOException {
        Random rnd = new Random(52);
        String repeat = Sequences.random(rnd, 300);
        StringBuilder a = new StringBuilder(Sequences.random(rnd, 6000));
        StringBuilder b = new StringBuilder(Sequences.random(rnd, 4000));
        for (int at = 200; at < 5600; at += 1500) {
            a.replace(at, at + 300, repeat);
        }
        b.replace(1000, 1300, repeat);
        Path genome = dir.resolve("two.fa");
        Files.writeString(genome, ">chrA\n" + a + "\n>chrB\n" + b + "\n");
        Run exact = run("-input", genome.toString(), "-output", dir.resolve("ex").toString(), "-q", "--strategy", "exact");
        assertEquals(0, exact.exit(), exact.err());
        Run part = run("-input", genome.toString(), "-output", dir.resolve("pa").toString(), "-q",
                "--strategy", "partitioned", "--partition-size", "5000");
        assertEquals(0, part.exit(), part.err());
        List<String> bed = Files.readAllLines(dir.resolve("pa.bed"));
        assertEquals(bed.size(), new java.util.HashSet<>(bed).size(), "an element reported twice: " + bed);
        // Each planted copy once, as exact reports it: one element covering most of it. (The
        // partitioned library is redrafted from every partition's copies, so its elements' ends
        // may differ from exact's by a few bases.)
        List<String> exactBed = Files.readAllLines(dir.resolve("ex.bed"));
        long[][] planted = {{0, 200}, {0, 1700}, {0, 3200}, {0, 4700}, {1, 1000}};
        for (long[] copy : planted) {
            String contig = copy[0] == 0 ? "chrA" : "chrB";
            assertEquals(1, covering(exactBed, contig, copy[1], copy[1] + 300), "exact: " + exactBed);
            assertEquals(1, covering(bed, contig, copy[1], copy[1] + 300), contig + ":" + copy[1] + " in " + bed);
        }
    }

    /** How many BED lines cover at least 80% of [from, to) on the contig. */
    private static int covering(List<String> bed, String contig, long from, long to) {
        int n = 0;
        for (String line : bed) {
            String[] f = line.split("\t");
            long overlap = Math.min(to, Long.parseLong(f[2])) - Math.max(from, Long.parseLong(f[1]));
            if (f[0].equals(contig) && overlap >= 0.8 * (to - from)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theHeapEstimateRefusesARunThatCannotFitAndPicksTheStrategy() throws IOException {
        String genome = ReferenceFiles.bundledYeastPath().toString();
        Run exact = run("-input", genome, "-output", dir.resolve("x").toString(), "--strategy", "exact",
                "--heap-limit", "20000000");
        assertEquals(1, exact.exit(), exact.err());
        assertTrue(exact.err().contains("the exact strategy needs about") && exact.err().contains("--strategy partitioned"),
                exact.err());
        Run part = run("-input", genome, "-output", dir.resolve("y").toString(), "--strategy", "partitioned",
                "--heap-limit", "20000000");
        assertEquals(1, part.exit(), part.err());
        assertTrue(part.err().contains("the partitioned strategy needs at least"), part.err());
        assertTrue(Arrays.stream(dir.toFile().list()).noneMatch(n -> n.contains("x.") || n.contains("y.")),
                "a refused run leaves nothing: " + Arrays.toString(dir.toFile().list()));
        // auto: exact when it fits, partitioned when it does not (a byte less than the exact
        // estimate; partitions of 300 kb need some 6 MB less)
        Run fits = run("-input", genome, "-output", dir.resolve("a").toString(), "--heap-limit", "2000000000",
                "--partition-size", "300k");
        assertEquals(0, fits.exit(), fits.err());
        assertTrue(fits.err().contains("strategy: exact"), fits.err());
        JsonNode g = new ObjectMapper().readTree(dir.resolve("a.summary.json").toFile()).get("genome");
        long exactNeeds = MemoryModel.exact(g.get("bases").asLong(), g.get("valid_bases").asLong(),
                org.reprise.params.Parameters.defaults());
        Run tight = run("-input", genome, "-output", dir.resolve("b").toString(), "--heap-limit",
                Long.toString(exactNeeds - 1), "--partition-size", "300k");
        assertEquals(0, tight.exit(), tight.err());
        assertTrue(tight.err().contains("strategy: partitioned"), tight.err());
    }

    /**
     * -dist 1 and 2 in partitioned mode: one partition is the exact strategy with the same dist
     * (a partition holding the whole genome ranks by its own inexact counts); cut into partitions
     * (ranked by genome-wide exact counts) the outputs do not depend on the threads and stay close
     * to exact's.
     */
    @Test
    void inexactSeedsWorkInPartitions() throws IOException {
        for (String dist : new String[] {"1", "2"}) {
            // -dist 2 counts every two-mismatch neighbour: the first 30 kb of each contig keep it quick
            Path genome = dist.equals("1") ? simulated() : firstBasesOfEachContig(simulated(), 30_000);
            String size = dist.equals("1") ? "50k" : "20k";
            String exact = dir.resolve("exact-d" + dist).toString();
            String whole = dir.resolve("whole-d" + dist).toString();
            assertEquals(0, run("-input", genome.toString(), "-output", exact, "--strategy", "exact", "-dist", dist, "-q").exit());
            Run r = run("-input", genome.toString(), "-output", whole, "--strategy", "partitioned", "--partition-size", "100M",
                    "-dist", dist, "-q");
            assertEquals(0, r.exit(), r.err());
            assertTrue(Files.readString(Path.of(exact + ".reprof")).contains(">R=1,"), "too few families to be a test");
            assertEquals(Files.readString(Path.of(exact + ".reprof")), Files.readString(Path.of(whole + ".reprof")), "dist " + dist);
            assertArrayEquals(Files.readAllBytes(Path.of(exact + ".masked")), Files.readAllBytes(Path.of(whole + ".masked")));

            byte[][] first = null;
            for (int threads : new int[] {1, 2}) {
                String prefix = dir.resolve("d" + dist + "t" + threads).toString();
                Run p = run("-input", genome.toString(), "-output", prefix, "--strategy", "partitioned",
                        "--partition-size", size, "-dist", dist, "--threads", Integer.toString(threads), "-q");
                assertEquals(0, p.exit(), p.err());
                byte[][] files = new byte[OUTPUTS.length][];
                for (int f = 0; f < OUTPUTS.length; f++) {
                    files[f] = Files.readAllBytes(Path.of(prefix + OUTPUTS[f]));
                }
                if (first == null) {
                    first = files;
                } else {
                    for (int f = 0; f < OUTPUTS.length; f++) {
                        assertArrayEquals(first[f], files[f], OUTPUTS[f] + " differs with " + threads + " threads, dist " + dist);
                    }
                }
            }
            JsonNode part = new ObjectMapper().readTree(Path.of(dir.resolve("d" + dist + "t1") + ".summary.json").toFile());
            JsonNode ex = new ObjectMapper().readTree(Path.of(exact + ".summary.json").toFile());
            assertEquals(Integer.parseInt(dist), part.get("parameters").get("dist").asInt());
            long bases = ex.get("genome").get("bases").asLong();
            double dpp = 100.0 * Math.abs(part.get("masked_bases").asLong() - ex.get("masked_bases").asLong()) / bases;
            assertTrue(dpp < 1.0, "dist " + dist + ": masked bases differ from exact's by " + dpp + " percentage points");
        }
    }
}
