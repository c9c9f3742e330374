package org.reprise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear under their final names only on commit; an uncommitted run leaves nothing. */
class OutputFilesTest {
    @TempDir
    Path dir;

    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static final List<String> SUFFIXES = List.of(".reprof", ".freq", ".bed", ".masked", ".summary.json");

    private void writeAll(OutputFiles files) throws IOException {
        for (String s : SUFFIXES) {
            if (s.equals(".masked")) {
                try (OutputStream os = files.openStream(s)) {
                    os.write(("bytes of " + s).getBytes(StandardCharsets.US_ASCII));
                }
            } else {
                try (Writer w = files.open(s)) {
                    w.write("text of " + s);
                }
            }
        }
    }

    @Test
    void nothingVisibleUntilCommitThenAllRenamed() throws IOException {
        String prefix = dir.resolve("run").toString();
        try (OutputFiles files = new OutputFiles(prefix)) {
            writeAll(files);
            Set<String> before = listing();
            assertEquals(SUFFIXES.size(), before.size(), "one temporary file per output: " + before);
            for (String s : SUFFIXES) {
                assertFalse(Files.exists(files.path(s)), s + " visible before commit");
                assertFalse(before.contains("run" + s), before.toString());
            }
            for (String name : before) {
                for (String s : SUFFIXES) {
                    assertFalse(name.endsWith(s), "temporary " + name + " looks like a final " + s);
                }
            }
            assertTrue(files.committedPaths().isEmpty());
            files.commit();
            for (String s : SUFFIXES) {
                Path p = Path.of(prefix + s);
                assertEquals(p, files.path(s));
                assertEquals((s.equals(".masked") ? "bytes of " : "text of ") + s, Files.readString(p));
            }
            assertEquals(SUFFIXES.stream().map(s -> Path.of(prefix + s)).collect(Collectors.toSet()),
                    Set.copyOf(files.committedPaths()));
        }
        // close() after commit keeps everything, and no temporary file is left
        assertEquals(SUFFIXES.stream().map(s -> "run" + s).collect(Collectors.toCollection(TreeSet::new)), listing());
    }

    @Test
    void closeWithoutCommitRemovesTheTemporaryFiles() throws IOException {
        try (OutputFiles files = new OutputFiles(dir.resolve("run").toString())) {
            writeAll(files);
            assertFalse(listing().isEmpty());
        }
        assertEquals(Set.of(), listing());
    }

    @Test
    void failureMidwayLeavesNothing() throws IOException {
        assertThrows(IllegalStateException.class, () -> {
            try (OutputFiles files = new OutputFiles(dir.resolve("run").toString())) {
                try (Writer w = files.open(".reprof")) {
                    w.write(">R=1\nACGT\n");
                }
                Writer half = files.open(".bed");  // left open, as by an exception while writing
                half.write("chr1\t0\t10\n");
                half.flush();
                throw new IllegalStateException("boom");
            }
        });
        assertEquals(Set.of(), listing());
    }

    @Test
    void previousResultUntouchedUntilCommitThenReplaced() throws IOException {
        Path old = dir.resolve("run.reprof");
        Files.writeString(old, "old library");
        try (OutputFiles files = new OutputFiles(dir.resolve("run").toString())) {
            try (Writer w = files.open(".reprof")) {
                w.write("new library");
            }
            assertEquals("old library", Files.readString(old));
            files.commit();
        }
        assertEquals("new library", Files.readString(old));
        assertEquals(Set.of("run.reprof"), listing());

        // an uncommitted run keeps the old result as it was
        try (OutputFiles files = new OutputFiles(dir.resolve("run").toString())) {
            try (Writer w = files.open(".reprof")) {
                w.write("third");
            }
        }
        assertEquals("new library", Files.readString(old));
        assertEquals(Set.of("run.reprof"), listing());
    }

    @Test
    void missingOutputFolderIsAnError() {
        assertThrows(IOException.class, () -> new OutputFiles(dir.resolve("no/such/folder/run").toString()));
    }

    @Test
    void prefixInASubfolder() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        try (OutputFiles files = new OutputFiles(dir.resolve("sub").resolve("x").toString())) {
            try (Writer w = files.open(".bed")) {
                w.write("a");
            }
            files.commit();
        }
        assertEquals("a", Files.readString(dir.resolve("sub/x.bed")));
        assertEquals(Set.of("sub"), listing());
    }
}
