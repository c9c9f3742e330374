package org.reprise.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.batch.LocalBatchStore;
import org.reprise.cli.RepriseCli;
import org.reprise.spark.batch.HadoopBatchStore;
import org.reprise.spark.batch.SparkBatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job reading its genome from {@code hdfs://} and writing its outputs there (an in-process
 * MiniDFSCluster), with local[2] executors: local-core's outputs, {@code _SUCCESS}, refusal to
 * overwrite without {@code --overwrite}, and a bad letter reported by contig and line with
 * nothing left behind.
 */
class SparkJobHdfsTest {
    @TempDir
    static java.nio.file.Path base;
    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    static String root;
    static JavaSparkContext sc;

    @BeforeAll
    static void start() throws IOException {
        cluster = SparkTesting.hdfs(base.resolve("dfs").toFile());
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString();
        sc = SparkTesting.context("local[2]", "SparkJobHdfsTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    private static int job(ByteArrayOutputStream err, String... args) {
        return SparkRepriseJob.execute(args, sc, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    }

    @Test
    void readsAndWritesHdfsWithLocalCoreOutputs() throws IOException {
        java.nio.file.Path yeast = SparkRepriseJobTest.bundledYeast();
        String input = root + "/genomes/yeast.fa.gz";
        hdfs.copyFromLocalFile(new Path(yeast.toString()), new Path(input));
        java.nio.file.Path local = base.resolve("local-yeast");
        assertEquals(0, RepriseCli.execute(new String[] {"-input", yeast.toString(), "-output", local.toString(), "-q"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));

        String output = root + "/results/yeast";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, job(err, "-input", input, "-output", output, "--partitions", "3", "--strategy", "exact", "-q"),
                err.toString());
        assertTrue(hdfs.exists(new Path(output + "/_SUCCESS")));
        for (String suffix : SparkRepriseJobTest.OUTPUTS) {
            try (InputStream in = hdfs.open(new Path(output + "/yeast" + suffix))) {
                assertArrayEquals(Files.readAllBytes(java.nio.file.Path.of(local + suffix)), in.readAllBytes(),
                        "yeast" + suffix + " on HDFS differs from local-core's");
            }
        }

        // A rerun over the finished output is refused, and leaves it untouched; --overwrite replaces it.
        long before = hdfs.getFileStatus(new Path(output + "/_SUCCESS")).getModificationTime();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(1, job(again, "-input", input, "-output", output, "-q"));
        assertTrue(again.toString().contains("--overwrite"), again.toString());
        assertEquals(before, hdfs.getFileStatus(new Path(output + "/_SUCCESS")).getModificationTime());
        ByteArrayOutputStream replaced = new ByteArrayOutputStream();
        assertEquals(0, job(replaced, "-input", input, "-output", output, "--overwrite", "-q"), replaced.toString());
        assertTrue(hdfs.exists(new Path(output + "/_SUCCESS")));
    }

    @Test
    void aBadLetterNamesContigAndLineAndLeavesNoOutput() throws IOException {
        String input = root + "/genomes/bad.fa";
        try (var out = hdfs.create(new Path(input))) {
            out.write(">good\nACGTACGTACGT\n>broken\nACGT\nACJT\n".getBytes(StandardCharsets.US_ASCII));
        }
        String output = root + "/results/bad";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, job(err, "-input", input, "-output", output, "-q"));
        String message = err.toString();
        assertTrue(message.contains("line 5") && message.contains("broken") && message.contains("'J'"), message);
        assertFalse(hdfs.exists(new Path(output)), "nothing may be left at " + output);
        assertEquals(0, hdfs.listStatus(new Path(root + "/results")).length == 0 ? 0
                : java.util.Arrays.stream(hdfs.listStatus(new Path(root + "/results")))
                        .filter(s -> s.getPath().getName().startsWith("bad") || s.getPath().getName().startsWith("_temporary"))
                        .count());
    }

    /**
     * A scheduled batch's lock on an HDFS output root (the lock file, created exclusively): a second
     * store cannot take it while it is held, a batch on that root says so, runs nothing and exits 0,
     * and once released the lock can be taken again.
     */
    @Test
    void theBatchLockOnHdfsKeepsASecondBatchOff() throws IOException {
        java.nio.file.Path yeast = SparkRepriseJobTest.bundledYeast();
        String input = root + "/batch-genomes/yeast.fa.gz";
        hdfs.copyFromLocalFile(new Path(yeast.toString()), new Path(input));
        String manifest = root + "/batch-genomes/manifest.tsv";
        try (java.io.OutputStream out = hdfs.create(new Path(manifest))) {
            out.write(("genome_id\tinput\nyeast\t" + input + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String batchRoot = root + "/batches/nightly";
        HadoopBatchStore store = new HadoopBatchStore(batchRoot, hdfs.getConf());
        try (java.io.Closeable held = store.tryLock("pid 1 on testhost, a test")) {
            assertNotNull(held);
            assertTrue(hdfs.exists(new Path(batchRoot + "/" + LocalBatchStore.LOCK)), "the lock is a file on HDFS");
            assertNull(new HadoopBatchStore(batchRoot, hdfs.getConf()).tryLock("second"), "the lock on HDFS was taken twice");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = SparkBatch.execute(new String[] {"--manifest", manifest, "--output-root", batchRoot, "-q"}, sc,
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertEquals(0, exit, err.toString());
            assertTrue(err.toString().contains("another batch is running on " + batchRoot)
                    && err.toString().contains("this one does nothing and exits"), err.toString());
            assertFalse(hdfs.exists(new Path(batchRoot + "/yeast")), "a batch ran beside the lock's holder");
        }
        assertFalse(hdfs.exists(new Path(batchRoot + "/" + LocalBatchStore.LOCK)), "the lock was not released");
        java.io.Closeable again = store.tryLock("third");
        assertNotNull(again, "a released lock could not be taken again");
        again.close();
    }
}

