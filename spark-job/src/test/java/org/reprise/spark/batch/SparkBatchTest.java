package org.reprise.spark.batch;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.batch.BatchReport;
import org.reprise.batch.LocalBatchStore;
import org.reprise.spark.SparkTesting;
import org.reprise.testing.CliRuns;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code submit.sh batch} on one context (local[2]): each genome's outputs are local-core's, byte
 * for byte; a rerun skips them without starting Spark; a bad genome fails alone; genomes side by
 * side give the same outputs; manifest overrides are checked by the job's own checks before
 * anything runs; the lock; {@link HadoopBatchStore} on its own.
 */
class SparkBatchTest {
    static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = SparkTesting.context("local[2]", "SparkBatchTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run batch(JavaSparkContext context, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkBatch.execute(args, context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> statuses(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve(BatchReport.TSV));
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split("\t")[1]);
        }
        return out;
    }

    private static String column(Path root, int row, String name) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(BatchReport.TSV));
        int c = List.of(lines.get(0).split("\t", -1)).indexOf(name);
        return lines.get(row + 1).split("\t", -1)[c];
    }

    private Path genomes() throws IOException {
        Files.writeString(dir.resolve("a.fa"), CliRuns.planted(51, 12_000, 6));
        Files.writeString(dir.resolve("b.fa"), CliRuns.planted(52, 10_000, 8));
        Files.writeString(dir.resolve("bad.fa"), ">c1\nACGTACGT\nACGT?ACG\n");
        Path m = dir.resolve("m.tsv");
        Files.writeString(m, "genome_id\tinput\tminfreq\na\ta.fa\t\nbad\tbad.fa\t\nb\tb.fa\t3\n");
        return m;
    }

    @Test
    void aBatchGivesLocalCoresOutputsSkipsOnRerunAndABadGenomeFailsAlone() throws IOException {
        Path m = genomes();
        Path root = dir.resolve("root");
        Run first = batch(sc, "--manifest", m.toString(), "--output-root", root.toString(), "-q", "--strategy", "exact");
        assertEquals(1, first.exit(), first.err());
        assertEquals(List.of("done", "failed", "done"), statuses(root));
        assertTrue(column(root, 1, "error").endsWith("bad.fa line 3, contig c1: '?' is not a base or IUPAC ambiguity code"),
                column(root, 1, "error"));
        assertFalse(Files.exists(root.resolve("bad").resolve("_SUCCESS")));
        // each genome's outputs are the local command line's
        for (String[] g : new String[][] {{"a"}, {"b", "-minfreq", "3"}}) {
            String id = g[0];
            Path local = Files.createDirectories(dir.resolve("local")).resolve(id);
            List<String> args = new ArrayList<>(List.of("-input", dir.resolve(id + ".fa").toString(), "-output", local.toString(), "-q"));
            args.addAll(List.of(g).subList(1, g.length));
            assertEquals(0, CliRuns.run(args.toArray(new String[0])).exit());
            for (String suffix : new String[] {".reprof", ".bed", ".freq", ".masked"}) {
                assertArrayEquals(Files.readAllBytes(Path.of(local + suffix)), Files.readAllBytes(root.resolve(id).resolve(id + suffix)),
                        id + suffix);
            }
            assertTrue(Files.isRegularFile(root.resolve(id).resolve("_SUCCESS")));
        }

        // fixed manifest without the bad genome: everything up to date, and no Spark context is made
        // (with one running already, making a second would throw)
        Files.writeString(m, "genome_id\tinput\tminfreq\na\ta.fa\t\nb\tb.fa\t3\n");
        Map<String, byte[]> before = CliRuns.tree(root.resolve("a"));
        Run second = batch(null, "--manifest", m.toString(), "--output-root", root.toString(), "-q", "--strategy", "exact");
        assertEquals(0, second.exit(), second.err());
        assertEquals(List.of("skipped", "skipped"), statuses(root));
        assertEquals(List.of(), CliRuns.differences(before, CliRuns.tree(root.resolve("a"))));

        // b's override changed: b alone reruns
        Files.writeString(m, "genome_id\tinput\tminfreq\na\ta.fa\t\nb\tb.fa\t4\n");
        Run third = batch(sc, "--manifest", m.toString(), "--output-root", root.toString(), "-q", "--strategy", "exact");
        assertEquals(0, third.exit(), third.err());
        assertEquals(List.of("skipped", "done"), statuses(root));
        assertEquals("parameters changed (minfreq 3 -> 4)", column(root, 1, "reason"));
    }

    @Test
    void genomesSideBySideOnOneContextGiveTheSameOutputs() throws IOException {
        Path m = genomes();
        Files.writeString(dir.resolve("c.fa"), CliRuns.threeFamilies(new java.util.Random(7)));
        Files.writeString(m, "genome_id\tinput\tstrategy\tpartitions\na\ta.fa\texact\t\nc\tc.fa\tpartitioned\t3\n");
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Run r1 = batch(sc, "--manifest", m.toString(), "--output-root", one.toString(), "-q");
        assertEquals(0, r1.exit(), r1.err());
        Run r2 = batch(sc, "--manifest", m.toString(), "--output-root", two.toString(), "-q", "--parallel-genomes", "2");
        assertEquals(0, r2.exit(), r2.err());
        assertEquals(List.of("done", "done"), statuses(two));
        for (String id : List.of("a", "c")) {
            for (String suffix : new String[] {".reprof", ".bed", ".freq", ".masked"}) {
                assertArrayEquals(Files.readAllBytes(one.resolve(id).resolve(id + suffix)),
                        Files.readAllBytes(two.resolve(id).resolve(id + suffix)), id + suffix);
            }
        }
    }

    @Test
    void overridesAreCheckedByTheJobBeforeAnythingRuns() throws IOException {
        Path m = genomes();
        Files.writeString(m, "genome_id\tinput\tdist\tstrategy\twindow\n"
                + "a\ta.fa\t\t\t\n"
                + "b\tb.fa\t2\texact\t\n"
                + "c\tb.fa\t\t\t0\n"
                + "d\tb.fa\t\tfast\t\n");
        Path root = dir.resolve("root");
        Run r = batch(sc, "--manifest", m.toString(), "--output-root", root.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of(
                "reprise-spark batch: " + m + " line 3 (genome b): the exact strategy of the Spark job counts copies within "
                        + "one mismatch at most (-dist 0 or 1); run -dist 2 with --strategy partitioned",
                "reprise-spark batch: " + m + " line 4 (genome c): --window must be >= 1, got 0",
                "reprise-spark batch: " + m + " line 5 (genome d): --strategy must be auto, exact or partitioned (got fast)",
                "reprise-spark batch: 3 genome(s) with bad options; nothing was run"),
                r.err().lines().filter(l -> !l.isBlank()).toList());
        assertFalse(Files.exists(root));
        Run dup = batch(sc, "--manifest", m.toString(), "--output-root", root.toString(), "--overwrite");
        assertEquals(2, dup.exit(), dup.err());
        assertTrue(dup.err().startsWith("reprise-spark batch: --overwrite is set by the batch for each genome (always); remove it"),
                dup.err());
    }

    @Test
    void aSecondBatchOnTheSameRootSaysSoAndExitsZero() throws IOException {
        Path m = genomes();
        Path root = dir.resolve("root");
        try (Closeable held = new LocalBatchStore(root).tryLock("pid 1 on testhost, a test")) {
            assertNotNull(held);
            Run r = batch(sc, "--manifest", m.toString(), "--output-root", root.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().startsWith("reprise-spark batch: another batch is running on file:" + root.toAbsolutePath()
                    + " (pid 1 on testhost, a test); this one does nothing and exits"), r.err());
            assertFalse(Files.exists(root.resolve("a")));
        }
    }

    /** The store on a file system without an OS lock (the lock file path, tried on a local root), and its files. */
    @Test
    void hadoopStoreLockFileIsExclusiveAndTakenOverOnlyFromADeadHolderOnThisHost() throws IOException {
        Path root = dir.resolve("root");
        HadoopBatchStore store = new HadoopBatchStore(root.toString(), new Configuration(), false);
        Closeable lock = store.tryLock("first");
        assertNotNull(lock);
        assertNull(store.tryLock("second"), "the lock file was taken twice");
        assertEquals("first", store.lockHolder());
        lock.close();
        assertFalse(Files.exists(root.resolve(LocalBatchStore.LOCK)));

        String host = java.net.InetAddress.getLocalHost().getHostName();
        Process dead = new ProcessBuilder("true").start();
        long pid = dead.pid();
        try {
            dead.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.writeString(root.resolve(LocalBatchStore.LOCK), host + "\t" + pid + "\tkilled driver\n");
        Closeable taken = store.tryLock("third");
        assertNotNull(taken, "a lock of a dead process on this host was not taken over");
        taken.close();
        Files.writeString(root.resolve(LocalBatchStore.LOCK), "other-host.example\t" + pid + "\tpid " + pid
                + " on other-host.example\n");
        assertNull(store.tryLock("fourth"), "a lock of another host was taken over");
        assertEquals("pid " + pid + " on other-host.example", store.lockHolder());

        store.writeAtomically("x/report.tsv", "one\n");
        store.writeAtomically("x/report.tsv", "two\n");
        assertEquals("two\n", store.read("x/report.tsv"));
        assertNull(store.read("x/none"));
        assertEquals(List.of("report.tsv"), CliRuns.tree(root.resolve("x")).keySet().stream().toList());
        Files.writeString(dir.resolve("g.fa"), ">c\nACGT\n");
        String input = store.resolveInput(dir.resolve("m.tsv").toString(), "g.fa");
        assertEquals(dir.resolve("g.fa").toUri(), java.net.URI.create(input.replace("file:/", "file:///")).normalize());
        assertEquals(8, store.stamp(input).size());
        assertNull(store.stamp(dir.resolve("none.fa").toString()));
    }
}
