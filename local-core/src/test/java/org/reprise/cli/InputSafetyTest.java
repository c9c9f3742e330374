package org.reprise.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reprise.testing.CliRuns;
import org.reprise.testing.Sequences;
import org.reprise.util.DiskFault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the local command line does with bad input (exit 1, one line naming the file and where it
 * applies the contig and line, no output), with questionable input (a warning, complete outputs),
 * and with an output folder that is full or read-only (a one-line error, the previous complete
 * output as it was). The Spark job's test of the same inputs ({@code SparkInputSafetyTest}) takes its
 * cases from here.
 */
public class InputSafetyTest {
    private static final List<String> SUFFIXES = List.of(".reprof", ".bed", ".freq", ".masked", ".summary.json");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** A genome with one planted family (12 kb, 6 copies): a run takes well under a second. */
    private static String planted;

    @BeforeAll
    static void fixture() {
        planted = CliRuns.planted(7, 12_000, 6);
    }

    @AfterEach
    void clearFaults() {
        System.clearProperty(DiskFault.PROPERTY);
        DiskFault.reset();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(plain);
        }
        return b.toByteArray();
    }

    /** A bad input: its file name, its bytes, and what the one error line must hold besides the path. */
    public record Bad(String name, byte[] bytes, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static Stream<Bad> badInputs() throws IOException {
        byte[] fasta = CliRuns.planted(11, 12_000, 6).getBytes(StandardCharsets.US_ASCII);
        byte[] gz = gzip(fasta);
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length * 2 / 3);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("genome.fa"));
            z.write(fasta);
        }
        byte[] binary = new byte[4096];
        new Random(5).nextBytes(binary);
        binary[0] = '>'; // starts like a header, then binary bytes
        binary[1] = 'x';
        binary[2] = '\n';
        binary[3] = 0;
        String good = ">c1\n" + Sequences.random(new Random(1), 200) + "\n";
        return Stream.of(
                new Bad("truncated.fa.gz", truncated, List.of("truncated or corrupt compressed data")),
                new Bad("reads.fastq", "@read1\nACGTACGT\n+\nIIIIIIII\n".getBytes(StandardCharsets.US_ASCII),
                        List.of("line 1", "not FASTA")),
                new Bad("archive.zip", zip.toByteArray(), List.of("a zip archive, not FASTA")),
                new Bad("noname.fa", (good + ">\nACGTACGT\n").getBytes(StandardCharsets.US_ASCII),
                        List.of("line 3", "header without a name")),
                new Bad("preamble.fa", ("ACGT\n" + good).getBytes(StandardCharsets.US_ASCII),
                        List.of("line 1", "not FASTA", "before the first '>' header")),
                new Bad("letter.fa", (good + ">c2\nACGTACGT\nACGJACGT\n").getBytes(StandardCharsets.US_ASCII),
                        List.of("line 5", "contig c2", "'J'")),
                new Bad("duplicate.fa", (good + ">c2\nACGT\n" + good).getBytes(StandardCharsets.US_ASCII),
                        List.of("line 5", "duplicate contig name 'c1'")),
                new Bad("binary.fa", binary, List.of("binary data")),
                new Bad("nothing.fa", new byte[0], List.of("empty")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineExitOneAndNoOutput(Bad bad) throws IOException {
        Path input = dir.resolve(bad.name());
        Files.write(input, bad.bytes());
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRuns.Result r = CliRuns.run("-input", input.toString(), "-output", out.resolve("run").toString(), "-q");
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), "not one line: " + r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("reprise: error: "), line);
        assertTrue(line.contains(input.toString()), "the file is not named: " + line);
        for (String s : bad.says()) {
            assertTrue(line.contains(s), "'" + s + "' missing from: " + line);
        }
        assertEquals(Map.of(), CliRuns.tree(out), "something was left in the output folder");
    }

    /** A warning case: the input, and what its warning line must hold. */
    public record Questionable(String name, String fasta, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static Stream<Questionable> questionableInputs() {
        String p = CliRuns.planted(7, 12_000, 6);
        String firstHeader = p.substring(0, p.indexOf('\n') + 1);
        return Stream.of(
                new Questionable("crlf.fa", p.replace("\n", "\r\n"), "Windows line ends (CR LF)"),
                new Questionable("iupac.fa", firstHeader + "ACGTRYACGT" + p.substring(firstHeader.length()),
                        "IUPAC ambiguity letters"),
                new Questionable("only-n.fa", p + ">gap\n" + "N".repeat(500) + "\n", "contig gap (line 175) has only N"),
                new Questionable("no-sequence.fa", ">empty\n" + p, "record empty (line 1) has a header but no sequence"),
                new Questionable("no-kmer.fa", ">short\nACGTACGTNACGTACG\n", "no valid k-mer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questionableInputs")
    void questionableInputWarnsAndRuns(Questionable q) throws IOException {
        Path input = dir.resolve(q.name());
        Files.writeString(input, q.fasta(), StandardCharsets.US_ASCII);
        Path prefix = Files.createDirectory(dir.resolve("out")).resolve("run");
        CliRuns.Result r = CliRuns.run("-input", input.toString(), "-output", prefix.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        List<String> warnings = r.errLines().stream().filter(l -> l.startsWith("reprise: warning: ")).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains(q.says()) && w.contains(input.toString())),
                "no warning with '" + q.says() + "' naming the file: " + r.err());
        assertEquals(r.errLines(), warnings, "only warnings with -q: " + r.err());
        for (String s : SUFFIXES) {
            assertTrue(Files.isRegularFile(Path.of(prefix + s)), s + " missing");
        }
    }

    /** Windows line ends, lowercase letters: the same outputs as the plain upper-case file, lowercase as a note only. */
    @Test
    void crlfAndLowercaseGiveTheSameFamilies() throws IOException {
        Path plain = dir.resolve("plain.fa");
        Files.writeString(plain, planted);
        String lower = planted.lines().map(l -> l.startsWith(">") ? l : l.toLowerCase(java.util.Locale.ROOT))
                .reduce("", (a, b) -> a + b + "\r\n");
        Path soft = dir.resolve("lower-crlf.fa");
        Files.writeString(soft, lower);
        Path a = Files.createDirectory(dir.resolve("a")).resolve("run");
        Path b = Files.createDirectory(dir.resolve("b")).resolve("run");
        assertEquals(0, CliRuns.run("-input", plain.toString(), "-output", a.toString(), "-q").exit());
        CliRuns.Result r = CliRuns.run("-input", soft.toString(), "-output", b.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("lowercase (soft-masked) bases, read as upper case"), r.err());
        assertFalse(r.err().contains("warning: " + soft + ": lowercase"), "lowercase is no warning: " + r.err());
        for (String s : List.of(".reprof", ".bed", ".freq")) {
            assertArrayEquals(Files.readAllBytes(Path.of(a + s)), Files.readAllBytes(Path.of(b + s)), s);
        }
    }

    // ---------------------------------------------------------------- output file systems

    /** A first complete run in dir/out, its files as they are. */
    private Map<String, byte[]> firstRun(Path prefix, Path input) throws IOException {
        CliRuns.Result r = CliRuns.run("-input", input.toString(), "-output", prefix.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        return CliRuns.tree(prefix.getParent());
    }

    @Test
    void fullDiskIsOneLineAndLeavesThePreviousOutput() throws IOException {
        Path input = dir.resolve("g.fa");
        Files.writeString(input, planted);
        Path prefix = Files.createDirectory(dir.resolve("out")).resolve("run");
        Map<String, byte[]> before = firstRun(prefix, input);
        for (long room : new long[] {0, 3_000, 20_000}) { // in the first output, and in a later one
            DiskFault.reset();
            System.setProperty(DiskFault.PROPERTY, "full:" + room);
            CliRuns.Result r = CliRuns.run("-input", input.toString(), "-output", prefix.toString(), "-q", "-minfreq", "3");
            System.clearProperty(DiskFault.PROPERTY);
            assertEquals(1, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            String line = r.errLines().get(0);
            assertTrue(line.startsWith("reprise: error: cannot write " + prefix.getParent() + "/"), line);
            assertTrue(line.endsWith(": " + DiskFault.NO_SPACE), line);
            assertEquals(List.of(), CliRuns.differences(before, CliRuns.tree(prefix.getParent())),
                    "the previous output changed (room " + room + ")");
        }
    }

    @Test
    void readOnlyFolderIsOneLineAndLeavesThePreviousOutput() throws IOException {
        Path input = dir.resolve("g.fa");
        Files.writeString(input, planted);
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path prefix = folder.resolve("run");
        Map<String, byte[]> before = firstRun(prefix, input);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(folder)) {
                System.setProperty(DiskFault.PROPERTY, "readonly"); // root writes anywhere: the hook stands in
            }
            CliRuns.Result r = CliRuns.run("-input", input.toString(), "-output", prefix.toString(), "-q");
            assertEquals(1, r.exit(), r.err());
            assertEquals(List.of("reprise: error: output folder is not writable: " + folder), r.errLines());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(List.of(), CliRuns.differences(before, CliRuns.tree(folder)));
    }
}
