package org.reprise.spark.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicOutputDirectoryTest {
    @TempDir
    Path tmp;
    Configuration conf;

    @BeforeEach
    void setUp() {
        conf = new Configuration(false);
        conf.set("fs.rec.impl", RecordingFileSystem.class.getName());
        conf.setBoolean("fs.rec.impl.disable.cache", true);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(AtomicOutputDirectory out, String name, String text) throws IOException {
        try (Writer w = out.createWriter(name)) {
            w.write(text);
        }
    }

    @Test
    void commitMovesFilesIntoPlaceAndWritesSuccess() throws IOException {
        Path dir = tmp.resolve("out");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(dir.toUri().toString(), conf, false)) {
            write(out, "genome.reprof", ">R=1\nACGT\n");
            write(out, "parts/p0.bed", "chr1\t0\t10\n");
            assertEquals(1, list(dir).size(), "only the temporary directory before commit");
            assertTrue(list(dir).get(0).startsWith(AtomicOutputDirectory.TEMPORARY_PREFIX));
            assertFalse(Files.exists(dir.resolve("genome.reprof")));
            out.commit();
            assertTrue(out.isCommitted());
        }
        assertEquals(List.of("_SUCCESS", "genome.reprof", "parts"), list(dir)); // no .crc, no _temporary
        assertEquals(">R=1\nACGT\n", Files.readString(dir.resolve("genome.reprof")));
        assertEquals("chr1\t0\t10\n", Files.readString(dir.resolve("parts/p0.bed")));
        assertEquals("genome.reprof\nparts\n", Files.readString(dir.resolve("_SUCCESS")));
    }

    @Test
    void successIsWrittenLastAfterEveryRename() throws IOException {
        RecordingFileSystem.OPERATIONS.clear();
        String uri = "rec://" + tmp.resolve("out").toAbsolutePath();
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(uri, conf, false)) {
            write(out, "b.txt", "b");
            write(out, "a.txt", "a");
            out.commit();
        }
        List<String> ops = new ArrayList<>(RecordingFileSystem.OPERATIONS);
        String base = tmp.resolve("out").toAbsolutePath().toString();
        assertEquals("create " + base + "/_SUCCESS", ops.get(ops.size() - 1), ops.toString());
        assertEquals(1, ops.stream().filter(o -> o.endsWith("/_SUCCESS")).count(), "_SUCCESS touched once: " + ops);
        List<String> renames = ops.stream().filter(o -> o.startsWith("rename")).toList();
        assertEquals(2, renames.size());
        assertTrue(renames.get(0).endsWith(" " + base + "/a.txt"), renames.toString());
        assertTrue(renames.get(1).endsWith(" " + base + "/b.txt"), renames.toString());
        assertTrue(ops.indexOf(renames.get(1)) < ops.size() - 1);
        assertEquals("b", Files.readString(tmp.resolve("out/b.txt")));
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        Path dir = tmp.resolve("out");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(dir.toString(), conf, false)) {
            write(out, "x.txt", "x");
            OutputStream stillOpen = out.create("y.txt");
            stillOpen.write(1);
            // a failure here: no commit
        }
        assertFalse(Files.exists(dir), "an output created by a failed run is removed");

        Path existing = Files.createDirectory(tmp.resolve("existing"));
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(existing.toString(), conf, false)) {
            write(out, "x.txt", "x");
        }
        assertTrue(Files.isDirectory(existing), "a directory the user made stays");
        assertEquals(List.of(), list(existing));
    }

    @Test
    void refusesNonEmptyOutputUnlessOverwrite() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(dir.resolve("old.txt"), "old");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicOutputDirectory.open(dir.toUri().toString(), conf, false));
        assertTrue(e.getMessage().contains("is not empty") && e.getMessage().contains("--overwrite"), e.getMessage());

        Path file = Files.writeString(tmp.resolve("afile"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutputDirectory.open(file.toString(), conf, true));

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(empty.toString(), conf, false)) {
            write(out, "new.txt", "new");
            out.commit();
        }
        assertEquals(List.of("_SUCCESS", "new.txt"), list(empty));
    }

    @Test
    void overwriteReplacesOldOutputOnlyAtCommit() throws IOException {
        Path dir = tmp.resolve("out");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(dir.toString(), conf, false)) {
            write(out, "old.txt", "old");
            write(out, "same.txt", "old");
            out.commit();
        }
        // a failed overwrite leaves the previous output whole, _SUCCESS included
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(dir.toString(), conf, true)) {
            write(out, "same.txt", "new");
        }
        assertEquals(List.of("_SUCCESS", "old.txt", "same.txt"), list(dir));
        assertEquals("old", Files.readString(dir.resolve("same.txt")));

        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(dir.toString(), conf, true)) {
            write(out, "same.txt", "new");
            out.commit();
        }
        assertEquals(List.of("_SUCCESS", "same.txt"), list(dir));
        assertEquals("new", Files.readString(dir.resolve("same.txt")));
    }

    @Test
    void staleTemporaryDirectoryOfAKilledRunDoesNotBlockARerun() throws IOException {
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir.resolve("_temporary-20260101-000000-deadbeef"));
        Files.writeString(dir.resolve("_temporary-20260101-000000-deadbeef/half.txt"), "half");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(dir.toString(), conf, false)) {
            write(out, "whole.txt", "whole");
            out.commit();
        }
        assertTrue(Files.exists(dir.resolve("whole.txt")));
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));
        assertEquals("whole.txt\n", Files.readString(dir.resolve("_SUCCESS")));
    }

    @Test
    void secondRunRacingForTheSameOutputFailsAtCommit() throws IOException {
        Path dir = tmp.resolve("out");
        try (AtomicOutputDirectory first = AtomicOutputDirectory.open(dir.toString(), conf, false);
             AtomicOutputDirectory second = AtomicOutputDirectory.open(dir.toString(), conf, false)) {
            write(first, "a.txt", "first");
            write(second, "a.txt", "second");
            first.commit();
            assertThrows(FileAlreadyExistsException.class, second::commit);
        }
        assertEquals("first", Files.readString(dir.resolve("a.txt")));
        assertEquals(List.of("_SUCCESS", "a.txt"), list(dir));
    }

    @Test
    void commitRefusesOpenStreamsAndSecondCommits() throws IOException {
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(tmp.resolve("o").toString(), conf, false)) {
            OutputStream s = out.create("a.txt");
            IllegalStateException e = assertThrows(IllegalStateException.class, out::commit);
            assertTrue(e.getMessage().contains("a.txt"), e.getMessage());
            s.close();
            out.commit();
            assertThrows(IllegalStateException.class, out::commit);
            assertThrows(IllegalStateException.class, () -> out.create("b.txt"));
        }
    }

    @Test
    void rejectsReservedAndEscapingNames() throws IOException {
        try (AtomicOutputDirectory out = AtomicOutputDirectory.open(tmp.resolve("o").toString(), conf, false)) {
            for (String bad : new String[] {"", "_SUCCESS", ".hidden", "../x", "a/../../x", "/abs", "a//b", "a:b"}) {
                assertThrows(IllegalArgumentException.class, () -> out.create(bad), bad);
            }
            assertEquals(out.outputPath().toString() + "/a/b.txt", out.finalPath("a/b.txt").toString());
        }
        assertThrows(IllegalArgumentException.class, () -> AtomicOutputDirectory.open(" ", conf, false));
    }

    @Test
    void fastaInputReadsPlainGzipAndBgzfThroughFileSystem() throws IOException {
        String fasta = ">chr1 first\nACGTNacgt\nAC\n>chr2\nGGGG\n";
        Path plain = Files.writeString(tmp.resolve("g.fa"), fasta);
        Path gz = tmp.resolve("g.fa.gz");
        try (OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(fasta.getBytes(StandardCharsets.US_ASCII));
        }
        Path bgzf = tmp.resolve("g.fa.bgz");
        try (OutputStream o = new htsjdk.samtools.util.BlockCompressedOutputStream(bgzf.toFile())) {
            o.write(fasta.getBytes(StandardCharsets.US_ASCII));
        }
        for (Path p : List.of(plain, gz, bgzf)) {
            org.reprise.genome.Genome g = readGenome(p.toUri().toString(), conf);
            assertEquals(2, g.contigCount(), p.toString());
            assertEquals("chr1", g.contig(0).name());
            assertEquals(11, g.contig(0).length());
            assertEquals(4, g.contig(1).length());
        }
        assertMessage("input file not found", () -> readGenome(tmp.resolve("missing.fa").toString(), conf));
        assertMessage("is a directory", () -> readGenome(tmp.toString(), conf));
        Path empty = Files.createFile(tmp.resolve("empty.fa"));
        assertMessage("is empty", () -> readGenome(empty.toString(), conf));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        Exception e = assertThrows(org.reprise.genome.GenomeFormatException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /** A whole genome read through the job's input path (Hadoop FileSystem, any compression). */
    static org.reprise.genome.Genome readGenome(String uri, org.apache.hadoop.conf.Configuration conf) {
        try (java.io.InputStream in = FastaInput.open(uri, conf)) {
            return org.reprise.genome.FastaGenomeReader.parse(in, uri);
        } catch (java.io.IOException e) {
            throw new org.reprise.genome.GenomeFormatException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }
}
