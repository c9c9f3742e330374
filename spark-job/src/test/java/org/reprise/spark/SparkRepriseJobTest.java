package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reprise.cli.RepriseCli;
import org.reprise.discover.ReferenceCase;
import org.reprise.discover.ReferenceFiles;
import org.reprise.testing.Sequences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job in local[2] gives local-core's outputs byte for byte, for 1, 3 and 7 partitions,
 * on the bundled yeast genome and on a simulated one (families of 3 to 400 copies on both strands,
 * contigs cut into several chunks), with -dist 1 and with REPrise's non-default parameter sets
 * (whose outputs are also REPrise's own); the rounds' stale and full-window drafts are shown to
 * happen; the output folder holds exactly the outputs, a rerun is refused and --overwrite replaces
 * them; the summary is JSON.
 */
class SparkRepriseJobTest {
    static final String[] OUTPUTS = {".reprof", ".bed", ".freq", ".masked", ".lib.fa", ".lib.bed"};
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
        String[] dist1 = {"-dist", "1"};
        assertSameAsLocalCore(sc, dir, genome, "sim-d1", dist1, new String[0], 3, 7);
        assertSameAsLocalCore(sc, dir, bundledYeast(), "yeast-d1", dist1, new String[0], 3);
    }

    @Test
    void shortFirstFlanksAreRedoneWithTheFullWindow() throws IOException {
        // With 60-base flanks nearly every draft might reach past them: the rounds must notice
        // and draft again with maxextend + maxgap, and the output must not change.
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertSameAsLocalCore(sc, dir, genome, "short", new String[0], new String[] {"--flank", "60"}, 3);
        JsonNode summary = summary(dir.resolve("spark-short-p3").resolve("short"), "short");
        assertTrue(summary.get("family_loop").get("drafts_with_full_window").asLong() > 0, summary.toString());
    }

    @Test
    void draftsMadeInARoundThatTurnStaleAreDraftedAgain() throws IOException {
        // A round drafts seeds next in the queue from their copies at that time; an earlier seed's
        // family often masks some of them before their turn: those drafts must not be used.
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertSameAsLocalCore(sc, dir, genome, "stale", new String[0], new String[0], 3);
        JsonNode summary = summary(dir.resolve("spark-stale-p3").resolve("stale"), "stale");
        assertTrue(summary.get("family_loop").get("drafts_ahead_stale").asLong() > 0, summary.toString());
        assertTrue(summary.get("family_loop").get("drafts_ahead_used").asLong() > 0, summary.toString());
    }

    /** REPrise's non-default parameter sets (each checked against REPrise by local-core's tests). */
    static List<String> parameterSets() {
        return List.of("maxgap3", "match2", "minfreq5", "k13", "maxextend2000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void nonDefaultParametersEqualLocalCoreAndREPrise(String name) throws IOException {
        ReferenceCase c = ReferenceCase.named(name);
        assertSameAsLocalCore(sc, dir, bundledYeast(), name, c.args(), new String[0], 3);
        Path out = dir.resolve("spark-" + name + "-p3").resolve(name);
        assertEquals(ReferenceFiles.text(c.file(".reprof")), Files.readString(out.resolve(name + ".reprof")));
        assertEquals(ReferenceFiles.repriseBedAsHalfOpen(ReferenceFiles.text(c.file(".bed"))),
                Files.readString(out.resolve(name + ".bed")));
    }

    @Test
    void outputFolderHoldsExactlyTheOutputsAndAnOverwriteReplacesThem() throws IOException {
        Path out = dir.resolve("out").resolve("yeast");
        String[] base = {"-input", bundledYeast().toUri().toString(), "-output", out.toUri().toString(),
            "--partitions", "3", "--strategy", "exact", "-q"};
        assertEquals(0, run(base));
        assertOnlyOutputs(out, "yeast");
        JsonNode first = summary(out, "yeast");
        assertEquals(19, first.get("families").asInt());
        assertEquals(Files.readString(out.resolve("yeast.reprof")).split("\n>|^>", -1).length - 1,
                first.get("families").asInt());
        assertEquals(Files.readAllLines(out.resolve("yeast.bed")).size(), first.get("elements").asInt());
        assertEquals(Files.readAllLines(out.resolve("yeast.freq")).size(), first.get("seeds").asInt());
        // one shape for both drivers: what local-core's summary has, plus a "spark" section
        for (String field : List.of("tool", "version", "input", "strategy", "parameters", "k", "genome", "seeds",
                "seeds_processed", "families", "elements", "masked_bases", "masked_fraction", "repeat_mask_bases",
                "family_loop", "spark", "seconds", "peak_heap_bytes")) {
            assertTrue(first.has(field), field + " missing from " + first);
        }
        assertEquals(1043386, first.get("genome").get("valid_bases").asLong());
        assertEquals(12, first.get("parameters").get("k").asInt());

        // Without --overwrite a second run is refused and leaves the output as it was.
        byte[] before = Files.readAllBytes(out.resolve("yeast.reprof"));
        assertEquals(1, run(base));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("yeast.reprof")));
        assertOnlyOutputs(out, "yeast");

        // With --overwrite and other parameters, the outputs are the new run's, equal to local-core's.
        String[] again = java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.stream.Stream.of("--overwrite", "-minfreq", "5")).toArray(String[]::new);
        assertEquals(0, run(again));
        assertOnlyOutputs(out, "yeast");
        Path local = dir.resolve("local-minfreq5");
        assertEquals(0, RepriseCli.execute(new String[] {"-input", bundledYeast().toString(), "-output", local.toString(),
            "-q", "-minfreq", "5"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
        for (String suffix : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(Path.of(local + suffix)), Files.readAllBytes(out.resolve("yeast" + suffix)),
                    "yeast" + suffix + " after --overwrite");
        }
        JsonNode second = summary(out, "yeast");
        assertEquals(13, second.get("families").asInt());
    }

    private static int run(String[] args) {
        return SparkRepriseJob.execute(args, sc, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** The output folder holds the five outputs and _SUCCESS, nothing else (no temporary file). */
    static void assertOnlyOutputs(Path out, String name) throws IOException {
        Set<String> expected = new TreeSet<>(List.of(name + ".reprof", name + ".bed", name + ".freq", name + ".masked",
                name + ".lib.fa", name + ".lib.bed", name + ".report.html", name + ".summary.json", "_SUCCESS"));
        Set<String> found = new TreeSet<>();
        try (var files = Files.list(out)) {
            files.forEach(f -> found.add(f.getFileName().toString()));
        }
        assertEquals(expected, found);
    }

    /** The job's summary, parsed as JSON. */
    static JsonNode summary(Path out, String name) throws IOException {
        return new ObjectMapper().readTree(out.resolve(name + ".summary.json").toFile());
    }

    /** Runs local-core's CLI, then the Spark job for each partition count, and compares the files. */
    static void assertSameAsLocalCore(JavaSparkContext sc, Path dir, Path genome, String name, int... partitions)
            throws IOException {
        assertSameAsLocalCore(sc, dir, genome, name, new String[0], new String[0], partitions);
    }

    /**
     * @param algorithm the algorithm's options, given to both local-core and the job
     * @param jobOnly   the job's own options (rounds, flanks)
     */
    static void assertSameAsLocalCore(JavaSparkContext sc, Path dir, Path genome, String name, String[] algorithm,
                                      String[] jobOnly, int... partitions) throws IOException {
        Path local = dir.resolve("local-" + name);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> localArgs = new ArrayList<>(List.of("-input", genome.toString(), "-output", local.toString(), "-q"));
        localArgs.addAll(List.of(algorithm));
        int exit = RepriseCli.execute(localArgs.toArray(new String[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, exit, err.toString());
        assertTrue(Files.readString(Path.of(local + ".reprof")).contains(">R=1,"), "too few families to be a test");
        for (int p : partitions) {
            Path out = dir.resolve("spark-" + name + "-p" + p).resolve(name);
            ByteArrayOutputStream jobErr = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("-input", genome.toUri().toString(), "-output",
                    out.toUri().toString(), "--partitions", Integer.toString(p), "--window", "64", "--strategy", "exact", "-q"));
            args.addAll(List.of(algorithm));
            args.addAll(List.of(jobOnly));
            int code = SparkRepriseJob.execute(args.toArray(new String[0]),
                    sc, new PrintStream(new ByteArrayOutputStream()), new PrintStream(jobErr));
            assertEquals(0, code, jobErr.toString());
            assertOnlyOutputs(out, name);
            for (String suffix : OUTPUTS) {
                assertArrayEquals(Files.readAllBytes(Path.of(local + suffix)), Files.readAllBytes(out.resolve(name + suffix)),
                        name + suffix + " differs from local-core's with " + p + " partitions");
            }
            assertEquals(org.reprise.testing.CliRuns.reportResults(Files.readAllBytes(Path.of(local + ".report.html"))),
                    org.reprise.testing.CliRuns.reportResults(Files.readAllBytes(out.resolve(name + ".report.html"))),
                    name + ".report.html: the results shown differ from local-core's with " + p + " partitions");
        }
    }

    /**
     * Runs local-core's partitioned strategy and the job's with the same partition size, so that
     * both cut the genome the same way, for each partition count (the size being the genome's
     * bases over it), and compares the files.
     */
    static void assertPartitionedSameAsLocalCore(JavaSparkContext sc, Path dir, Path genome, String name,
                                                 String[] algorithm, int... partitions) throws IOException {
        long bases = 0;
        for (String line : readLines(genome)) {
            if (!line.startsWith(">")) {
                bases += line.strip().length();
            }
        }
        for (int p : partitions) {
            String size = Long.toString(Math.max(1_000, (bases + p - 1) / p));
            Path local = dir.resolve("local-part-" + name + "-p" + p);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> localArgs = new ArrayList<>(List.of("-input", genome.toString(), "-output", local.toString(), "-q",
                    "--strategy", "partitioned", "--partition-size", size));
            localArgs.addAll(List.of(algorithm));
            assertEquals(0, RepriseCli.execute(localArgs.toArray(new String[0]),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)), err.toString());
            assertTrue(Files.readString(Path.of(local + ".reprof")).contains(">R=1,"), "too few families to be a test");

            Path out = dir.resolve("spark-part-" + name + "-p" + p).resolve(name);
            ByteArrayOutputStream jobErr = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("-input", genome.toUri().toString(), "-output",
                    out.toUri().toString(), "--partition-size", size, "--strategy", "partitioned", "--window", "64", "-q"));
            args.addAll(List.of(algorithm));
            assertEquals(0, SparkRepriseJob.execute(args.toArray(new String[0]), sc,
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(jobErr)), jobErr.toString());
            assertOnlyOutputs(out, name);
            JsonNode job = summary(out, name);
            JsonNode mine = new ObjectMapper().readTree(Path.of(local + ".summary.json").toFile());
            assertEquals("partitioned", job.get("strategy").asText());
            assertEquals(mine.get("partitioned").get("partitions").asInt(), job.get("partitioned").get("partitions").asInt(),
                    "the same plan");
            assertEquals(p, job.get("partitioned").get("partitions").asInt(), "a plan of " + p + " partitions");
            // the same reconciliation (who drafted, and how, differs)
            for (String counter : List.of("partition_families", "families_merged_by_seed", "families_annotated",
                    "families_dropped_too_few_copies", "families_redrafted", "redraft_copies", "boundary_claims",
                    "boundary_claims_trimmed", "boundary_claims_dropped", "genome_wide_pass_candidates",
                    "genome_wide_pass_seeds", "genome_wide_pass_batches", "genome_wide_pass_seeds_drafted",
                    "genome_wide_pass_families", "families_merged_by_clustering", "families")) {
                JsonNode a = mine.get("partitioned").get("reconciliation").get(counter);
                JsonNode b = job.get("partitioned").get("reconciliation").get(counter);
                if (a != null || b != null) {
                    assertEquals(a, b, counter);
                }
            }
            for (String suffix : OUTPUTS) {
                assertArrayEquals(Files.readAllBytes(Path.of(local + suffix)), Files.readAllBytes(out.resolve(name + suffix)),
                        name + suffix + " differs from local-core's partitioned run with " + p + " partitions");
            }
            assertEquals(org.reprise.testing.CliRuns.reportResults(Files.readAllBytes(Path.of(local + ".report.html"))),
                    org.reprise.testing.CliRuns.reportResults(Files.readAllBytes(out.resolve(name + ".report.html"))),
                    name + ".report.html: the results shown differ from local-core's with " + p + " partitions");
        }
    }

    private static List<String> readLines(Path genome) throws IOException {
        try (var in = org.reprise.genome.FastaGenomeReader.open(genome);
             var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.US_ASCII))) {
            return r.lines().toList();
        }
    }

    @Test
    void partitionedStrategyEqualsLocalCoresPartitioned() throws IOException {
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertPartitionedSameAsLocalCore(sc, dir, genome, "psim", new String[0], 1, 3, 7);
        assertPartitionedSameAsLocalCore(sc, dir, bundledYeast(), "pyeast", new String[0], 3);
    }

    @Test
    void partitionedStrategyRunsInexactSeedsWithoutTheNeighbourShuffle() throws IOException {
        Path genome = dir.resolve("sim.fa");
        Files.writeString(genome, Sequences.simulatedGenome(new Random(2026)));
        assertPartitionedSameAsLocalCore(sc, dir, genome, "psim-d1", new String[] {"-dist", "1"}, 3);
        // two mismatches: the exact strategy of the job refuses them; partitions count them locally
        // (on the first 8 kb of each contig: two-mismatch neighbourhoods are the slow path)
        Path small = dir.resolve("sim-8k.fa");
        StringBuilder head = new StringBuilder();
        for (String record : Files.readString(genome).split("(?=>)")) {
            int eol = record.indexOf('\n');
            String bases = record.substring(eol + 1).replace("\n", "");
            head.append(record, 0, eol + 1).append(bases, 0, Math.min(8_000, bases.length())).append('\n');
        }
        Files.writeString(small, head);
        assertPartitionedSameAsLocalCore(sc, dir, small, "psim-d2", new String[] {"-dist", "2"}, 3);
    }
}
