package org.reprise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.batch.BatchReport;
import org.reprise.batch.GenomeDigest;
import org.reprise.batch.LocalBatchStore;
import org.reprise.io.OutputDirectory;
import org.reprise.testing.CliRuns;
import org.reprise.util.DiskFault;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reprise batch}: manifests and options checked before anything runs, genomes skipped when
 * their output is complete and current and rerun when their input or parameters changed, a bad
 * genome failing alone with the report written, the root's lock, and a full disk in a batch.
 */
class BatchCommandTest {
    @TempDir
    Path dir;

    private Path root;
    private Path genomeA;
    private Path genomeB;

    @BeforeEach
    void genomes() throws IOException {
        root = dir.resolve("root");
        genomeA = dir.resolve("a.fa");
        genomeB = dir.resolve("b.fa");
        Files.writeString(genomeA, CliRuns.planted(21, 12_000, 6));
        Files.writeString(genomeB, CliRuns.planted(22, 10_000, 8));
    }

    @AfterEach
    void clearFaults() {
        System.clearProperty(DiskFault.PROPERTY);
        DiskFault.reset();
    }

    private Path manifest(String... lines) throws IOException {
        Path m = dir.resolve("manifest.tsv");
        Files.writeString(m, String.join("\n", lines) + "\n");
        return m;
    }

    private CliRuns.Result batch(Path manifest, String... more) {
        List<String> args = new ArrayList<>(List.of("batch", "--manifest", manifest.toString(), "--output-root", root.toString()));
        args.addAll(List.of(more));
        return CliRuns.run(args.toArray(new String[0]));
    }

    /** The TSV report as rows of column name to cell, manifest order. */
    private List<Map<String, String>> report() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(BatchReport.TSV));
        assertEquals(BatchReport.HEADER, lines.get(0));
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertEquals(header.length, cells.length, line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private List<String> statuses() throws IOException {
        return report().stream().map(r -> r.get("status")).toList();
    }

    // ---------------------------------------------------------------- bad manifests and options

    private void assertUsageErrorBeforeAnything(Path manifest, String expectedLine, String... more) throws IOException {
        CliRuns.Result r = batch(manifest, more);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.errLines().contains(expectedLine), "expected the line\n" + expectedLine + "\ngot\n" + r.err());
        assertFalse(Files.exists(root), "the batch made its root before refusing: " + CliRuns.tree(root).keySet());
    }

    @Test
    void missingColumn() throws IOException {
        Path m = manifest("# genomes", "genome_id\tminfreq", "a\t3");
        assertUsageErrorBeforeAnything(m, "reprise batch: " + m + " line 2: the header has no 'input' column (the first "
                + "line that is not a comment must name the columns, tab-separated: genome_id, input, then any option overrides)");
    }

    @Test
    void unknownColumn() throws IOException {
        Path m = manifest("genome_id\tinput\tminfrequency", "a\t" + genomeA + "\t3");
        CliRuns.Result r = batch(m);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("reprise batch: " + m + " line 1: unknown column 'minfrequency' (allowed: genome_id, "
                + "input, and the options "), r.err());
        assertTrue(r.err().contains(" minfreq, "), r.err());
        assertFalse(Files.exists(root));
    }

    @Test
    void duplicateIdAlsoInAnotherCase() throws IOException {
        Path m = manifest("genome_id\tinput", "a\t" + genomeA, "b\t" + genomeB, "a\t" + genomeB);
        assertUsageErrorBeforeAnything(m, "reprise batch: " + m + " line 4: genome_id 'a' is already used on line 2");
        Path m2 = manifest("genome_id\tinput", "Yeast\t" + genomeA, "yeast\t" + genomeB);
        assertUsageErrorBeforeAnything(m2, "reprise batch: " + m2 + " line 3: genome_id 'yeast' is already used on line 2 "
                + "as 'Yeast' (ids may not differ only in case)");
    }

    @Test
    void unsafeIds() throws IOException {
        for (String id : List.of("../escape", "a b", ".hidden", "x/y", "batch-report.tsv")) {
            Path m = manifest("genome_id\tinput", id + "\t" + genomeA);
            CliRuns.Result r = batch(m);
            assertEquals(2, r.exit(), id + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("reprise batch: " + m + " line 2: genome_id '" + id + "' is "), r.err());
            assertFalse(Files.exists(root));
        }
    }

    @Test
    void badOverrideValuesStopTheBatchBeforeAnyGenomeRuns() throws IOException {
        // the first genome is fine: it must not run either
        Path m = manifest("genome_id\tinput\tminfreq\tdist\tpartition_size",
                "a\t" + genomeA + "\t\t\t",
                "b\t" + genomeB + "\t1\t\t",
                "c\t" + genomeB + "\t\t7\t",
                "d\t" + genomeB + "\t\t\t12");
        CliRuns.Result r = batch(m);
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of(
                "reprise batch: " + m + " line 3 (genome b): -minfreq must be 2 or more (got 1)",
                "reprise batch: " + m + " line 4 (genome c): -dist must be 0..3 (got 7)",
                "reprise batch: " + m + " line 5 (genome d): --partition-size must be 1k..1.5G bases or auto (got 12)",
                "reprise batch: 3 genome(s) with bad options; nothing was run"), r.errLines());
        assertFalse(Files.exists(root));
    }

    @Test
    void badBatchOptions() throws IOException {
        Path m = manifest("genome_id\tinput", "a\t" + genomeA);
        assertUsageErrorBeforeAnything(m, "reprise batch: -maxgap must be 0..100 (got 500)", "-maxgap", "500");
        assertUsageErrorBeforeAnything(m, "reprise batch: -output is set by the batch for each genome (outputs go to "
                + "ROOT/<genome_id>); remove it", "-output", "x");
        assertUsageErrorBeforeAnything(m, "reprise batch: --parallel-genomes must be 1..64 (got 0)", "--parallel-genomes", "0");
        assertUsageErrorBeforeAnything(dir.resolve("none.tsv"), "reprise batch: manifest not found: " + dir.resolve("none.tsv"));
    }

    // ---------------------------------------------------------------- resume, skip, rerun

    @Test
    void rerunSkipsCurrentGenomesAndRedoesChangedOnes() throws IOException {
        Path m = manifest("genome_id\tinput\tminfreq", "a\t" + genomeA + "\t", "b\tb.fa\t3");
        CliRuns.Result first = batch(m, "-q");
        assertEquals(0, first.exit(), first.err());
        assertEquals(List.of("done", "done"), statuses());
        for (String id : List.of("a", "b")) {
            assertTrue(Files.isRegularFile(root.resolve(id).resolve(OutputDirectory.SUCCESS)), id);
            assertTrue(Files.isRegularFile(root.resolve(id).resolve(GenomeDigest.FILE)), id);
            for (String s : List.of(".reprof", ".bed", ".freq", ".masked", ".summary.json")) {
                assertTrue(Files.isRegularFile(root.resolve(id).resolve(id + s)), id + s);
            }
        }
        // a genome of a batch has the outputs of the single-genome command with the same options
        Path single = Files.createDirectory(dir.resolve("single")).resolve("b");
        assertEquals(0, CliRuns.run("-input", genomeB.toString(), "-output", single.toString(), "-q", "-minfreq", "3").exit());
        List<String> diff = CliRuns.differencesButTimes(CliRuns.tree(single.getParent()), strip(CliRuns.tree(root.resolve("b"))));
        if (!diff.isEmpty()) {
            System.err.println(CliRuns.summaryWithoutTimes(Files.readAllBytes(Path.of(single + ".summary.json"))));
            System.err.println(CliRuns.summaryWithoutTimes(Files.readAllBytes(root.resolve("b/b.summary.json"))));
        }
        assertEquals(List.of(), diff);
        Map<String, String> a = report().get(0);
        assertEquals(Long.toString(summaryLong(root.resolve("a/a.summary.json"), "families")), a.get("families"));

        Map<String, byte[]> before = CliRuns.tree(root);
        CliRuns.Result second = batch(m, "-q");
        assertEquals(0, second.exit(), second.err());
        assertEquals(List.of("skipped", "skipped"), statuses());
        assertEquals(a.get("families"), report().get(0).get("families"), "a skipped genome reports its figures");
        assertTrue(second.err().contains("2 genomes in " + m + ": 2 up to date, 0 to run"), second.err());
        Map<String, byte[]> after = CliRuns.tree(root);
        after.keySet().removeIf(k -> k.startsWith("batch-report") || k.equals(LocalBatchStore.LOCK));
        before.keySet().removeIf(k -> k.startsWith("batch-report") || k.equals(LocalBatchStore.LOCK));
        assertEquals(List.of(), CliRuns.differences(before, after), "a skipped genome's folder was touched");

        // input a modified (same bytes, new time): a reruns, b is skipped
        Files.setLastModifiedTime(genomeA, FileTime.fromMillis(Files.getLastModifiedTime(genomeA).toMillis() + 5_000));
        CliRuns.Result third = batch(m, "-q");
        assertEquals(0, third.exit(), third.err());
        assertEquals(List.of("done", "skipped"), statuses());
        assertEquals("input changed (modified since its output was made)", report().get(0).get("reason"));
        assertEquals(List.of(), CliRuns.differencesButTimes(strip(before), strip(CliRuns.tree(root))),
                "the same input gave other outputs");

        // b's override changed: b reruns with the reason
        Files.writeString(m, Files.readString(m).replace("b\tb.fa\t3", "b\tb.fa\t4"));
        assertEquals(0, batch(m, "-q").exit());
        assertEquals(List.of("skipped", "done"), statuses());
        assertEquals("parameters changed (minfreq 3 -> 4)", report().get(1).get("reason"));

        // a batch option changes every genome's parameters
        assertEquals(0, batch(m, "-q", "-maxgap", "4").exit());
        assertEquals(List.of("done", "done"), statuses());
        assertTrue(report().get(0).get("reason").startsWith("parameters changed (maxgap 5 -> 4"), report().get(0).get("reason"));

        // a genome's output without _SUCCESS (a kill before the commit ended) is redone
        Files.delete(root.resolve("a").resolve(OutputDirectory.SUCCESS));
        assertEquals(0, batch(m, "-q", "-maxgap", "4").exit());
        assertEquals(List.of("done", "skipped"), statuses());
        assertEquals("output incomplete (no _SUCCESS)", report().get(0).get("reason"));

        // the dry run says what would run and runs nothing
        Files.writeString(genomeB, Files.readString(genomeB) + ">extra\nACGTACGTAC\n");
        CliRuns.Result dry = batch(m, "--dry-run", "-maxgap", "4");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().startsWith("a\tskip\tup to date\nb\trun\tinput changed (size "), dry.out());
    }

    /** A genome folder's files without the batch's own (_SUCCESS, the digest). */
    private static Map<String, byte[]> strip(Map<String, byte[]> tree) {
        tree.keySet().removeIf(k -> k.endsWith(OutputDirectory.SUCCESS) || k.endsWith(GenomeDigest.FILE)
                || k.startsWith("batch-report") || k.equals(LocalBatchStore.LOCK));
        return tree;
    }

    private static long summaryLong(Path summary, String field) throws IOException {
        return new ObjectMapper().readTree(summary.toFile()).get(field).asLong();
    }

    // ---------------------------------------------------------------- a bad genome fails alone

    @Test
    void badGenomesFailAloneAndTheReportSaysWhy() throws IOException {
        Path bad = dir.resolve("bad.fa");
        Files.writeString(bad, ">c1\nACGTACGT\nACGTJACG\n");
        Path tiny = dir.resolve("tiny.fa");
        Files.writeString(tiny, ">c1\nACGTACGTACGTAAACCCGGGTTT\n");
        Path m = manifest("genome_id\tinput", "bad\t" + bad, "a\t" + genomeA, "tiny\t" + tiny, "gone\t" + dir.resolve("gone.fa"),
                "b\t" + genomeB);
        CliRuns.Result r = batch(m, "-q");
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("failed", "done", "failed", "failed", "done"), statuses());
        List<Map<String, String>> rows = report();
        assertEquals(bad + " line 3, contig c1: 'J' is not a base or IUPAC ambiguity code", rows.get(0).get("error").replaceAll(" \\(.*", ""),
                rows.get(0).get("error"));
        assertTrue(rows.get(2).get("error").contains("too short for any repeat family"), rows.get(2).get("error"));
        assertEquals("input file not found: " + dir.resolve("gone.fa"), rows.get(3).get("error"));
        for (String id : List.of("bad", "tiny", "gone")) {
            assertFalse(Files.exists(root.resolve(id).resolve(OutputDirectory.SUCCESS)), id);
            assertEquals(Map.of(), CliRuns.tree(root.resolve(id)), id + " left files");
        }
        JsonNode json = new ObjectMapper().readTree(root.resolve(BatchReport.JSON).toFile());
        assertTrue(json.get("finished").asBoolean());
        assertEquals(3, json.get("counts").get("failed").asInt());
        assertEquals(2, json.get("counts").get("done").asInt());
        JsonNode a = json.get("genomes").get(1);
        assertEquals("a", a.get("genome_id").asText());
        assertEquals(summaryLong(root.resolve("a/a.summary.json"), "families"), a.get("families").asLong());
        assertEquals(summaryLong(root.resolve("a/a.summary.json"), "elements"), a.get("elements").asLong());
        assertTrue(a.get("wall_seconds").asDouble() > 0);
        assertTrue(json.get("genomes").get(0).get("families").isNull());
        assertEquals(rows.get(0).get("error"), json.get("genomes").get(0).get("error").asText());
        assertTrue(r.err().contains("reprise batch: bad: FAILED: " + rows.get(0).get("error")), r.err());

        // fixed, the failed ones rerun and the others are skipped
        Files.writeString(bad, ">c1\n" + Files.readString(genomeA).substring(Files.readString(genomeA).indexOf('\n') + 1));
        CliRuns.Result again = batch(m, "-q");
        assertEquals(1, again.exit(), again.err());
        assertEquals(List.of("done", "skipped", "failed", "failed", "skipped"), statuses());
    }

    @Test
    void genomesSideBySideGiveTheSameOutputs() throws IOException {
        Path m = manifest("genome_id\tinput", "a\t" + genomeA, "b\t" + genomeB);
        assertEquals(0, batch(m, "-q").exit());
        Map<String, byte[]> one = strip(CliRuns.tree(root));
        LocalBatchStore.deleteTree(root);
        CliRuns.Result r = batch(m, "--parallel-genomes", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("done", "done"), statuses());
        assertEquals(List.of(), CliRuns.differencesButTimes(one, strip(CliRuns.tree(root))));
    }

    // ---------------------------------------------------------------- the lock

    @Test
    void aSecondBatchOnTheSameRootSaysSoAndExitsZero() throws IOException {
        Path m = manifest("genome_id\tinput", "a\t" + genomeA);
        try (Closeable held = new LocalBatchStore(root).tryLock("pid 1 on testhost since then, a test")) {
            assertNotNull(held);
            CliRuns.Result r = batch(m);
            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("reprise batch: another batch is running on " + root.toAbsolutePath()
                    + " (pid 1 on testhost since then, a test); this one does nothing and exits"), r.errLines());
            assertFalse(Files.exists(root.resolve("a")));
            assertFalse(Files.exists(root.resolve(BatchReport.TSV)));
        }
        CliRuns.Result after = batch(m, "-q");
        assertEquals(0, after.exit(), after.err());
        assertEquals(List.of("done"), statuses());
    }

    // ---------------------------------------------------------------- output file systems

    @Test
    void fullDiskFailsTheGenomeAndKeepsItsPreviousOutput() throws IOException {
        Path m = manifest("genome_id\tinput", "a\t" + genomeA);
        assertEquals(0, batch(m, "-q").exit());
        Map<String, byte[]> before = CliRuns.tree(root.resolve("a"));
        System.setProperty(DiskFault.PROPERTY, "full:2000");
        CliRuns.Result r = batch(m, "-q", "-minfreq", "4");
        System.clearProperty(DiskFault.PROPERTY);
        assertEquals(1, r.exit(), r.err());
        String error = report().get(0).get("error");
        assertTrue(error.startsWith("cannot write " + root.resolve("a") + "/"), error);
        assertTrue(error.endsWith(": " + DiskFault.NO_SPACE), error);
        assertEquals(List.of(), CliRuns.differences(before, CliRuns.tree(root.resolve("a"))), "the previous output changed");
        // still recorded with the old parameters: the next run redoes it
        CliRuns.Result again = batch(m, "-q", "-minfreq", "4");
        assertEquals(0, again.exit(), again.err());
        assertEquals(List.of("done"), statuses());
    }

    @Test
    void readOnlyRootIsOneLine() throws IOException {
        Files.createDirectories(root);
        Path m = manifest("genome_id\tinput", "a\t" + genomeA);
        System.setProperty(DiskFault.PROPERTY, "readonly");
        CliRuns.Result r = batch(m, "-q");
        assertEquals(1, r.exit(), r.err());
        assertTrue(report().get(0).get("error").equals("cannot create output directory " + root.resolve("a")
                + ": permission denied"), report().get(0).get("error"));
        assertFalse(Files.exists(root.resolve("a").resolve(OutputDirectory.SUCCESS)));
    }

    /** The README's example manifest parses, its inputs resolve against its folder, and it would run both genomes. */
    @Test
    void theExampleManifestIsValid() {
        Path example = Path.of("..", "examples", "batch-manifest.tsv").toAbsolutePath().normalize();
        CliRuns.Result r = batch(example, "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertEquals("yeast\trun\tnew\nyeast_dist1\trun\tnew\n", r.out());
        assertFalse(Files.exists(root), "a dry run made the root");
    }
}
