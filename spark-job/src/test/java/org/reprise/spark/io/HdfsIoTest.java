package org.reprise.spark.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.genome.Genome;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same I/O against a real HDFS: an in-process MiniDFSCluster (one name node, one data node) on 127.0.0.1. */
class HdfsIoTest {
    @TempDir
    static java.nio.file.Path base;
    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    static String root;

    @BeforeAll
    static void startHdfs() throws IOException {
        cluster = org.reprise.spark.SparkTesting.hdfs(base.toFile());
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString(); // hdfs://127.0.0.1:port
        assertTrue(root.startsWith("hdfs://"), root);
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @Test
    void readsFastaGzFromHdfs() throws IOException {
        Path p = new Path(root + "/in/genome.fa.gz");
        try (FSDataOutputStream raw = hdfs.create(p); GZIPOutputStream out = new GZIPOutputStream(raw)) {
            out.write(">c1\nACGTACGT\n>c2 desc\nNNAC\n".getBytes(StandardCharsets.US_ASCII));
        }
        Genome g = AtomicOutputDirectoryTest.readGenome(p.toString(), hdfs.getConf());
        assertEquals(2, g.contigCount());
        assertEquals("c2", g.contig(1).name());
        assertEquals(8, g.contig(0).length());
        try (InputStream in = FastaInput.open(p.toString(), hdfs.getConf())) {
            assertEquals('>', in.read());
        }
    }

    @Test
    void commitsAtomicallyOnHdfsAndRefusesAnExistingOutput() throws IOException {
        String out = root + "/results/run1";
        try (AtomicOutputDirectory dir = AtomicOutputDirectory.open(out, hdfs.getConf(), false)) {
            assertTrue(dir.temporaryDirectory().toString().startsWith(out + "/_temporary-"));
            try (Writer w = dir.createWriter("genome.bed")) {
                w.write("c1\t0\t8\tR=1\t8\t+\n");
            }
            assertFalse(hdfs.exists(new Path(out, "genome.bed")));
            dir.commit();
        }
        FileStatus[] listing = hdfs.listStatus(new Path(out));
        String[] names = Arrays.stream(listing).map(s -> s.getPath().getName()).sorted().toArray(String[]::new);
        assertEquals(Arrays.asList("_SUCCESS", "genome.bed"), Arrays.asList(names));
        try (InputStream in = hdfs.open(new Path(out, "genome.bed"))) {
            assertEquals("c1\t0\t8\tR=1\t8\t+\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutputDirectory.open(out, hdfs.getConf(), false));

        try (AtomicOutputDirectory dir = AtomicOutputDirectory.open(out, hdfs.getConf(), true)) {
            try (Writer w = dir.createWriter("genome.reprof")) {
                w.write(">R=1\n");
            }
            dir.commit();
        }
        assertFalse(hdfs.exists(new Path(out, "genome.bed")));
        assertTrue(hdfs.exists(new Path(out, "genome.reprof")));
        assertTrue(hdfs.exists(new Path(out, "_SUCCESS")));
    }
}
