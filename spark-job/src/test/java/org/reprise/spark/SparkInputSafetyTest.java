package org.reprise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reprise.cli.InputSafetyTest;
import org.reprise.testing.CliRuns;
import org.reprise.util.DiskFault;

/**
 * The Spark job on the local CLI's bad and questionable inputs ({@link InputSafetyTest}'s cases):
 * bad input is one line naming the file (and contig and line where it applies), exit 1, nothing
 * left in the output's parent folder; questionable input is a warning naming the file, and the
 * outputs are complete.
 */
class SparkInputSafetyTest {
    static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = SparkTesting.context("local[2]", "SparkInputSafetyTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    @AfterEach
    void clearFaults() {
        System.clearProperty(DiskFault.PROPERTY);
        DiskFault.reset();
    }

    static Stream<InputSafetyTest.Bad> badInputs() throws IOException {
        return InputSafetyTest.badInputs();
    }

    static Stream<InputSafetyTest.Questionable> questionableInputs() {
        return InputSafetyTest.questionableInputs();
    }

    private record Run(int exit, List<String> errLines) {
    }

    private static Run job(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkRepriseJob.execute(args, sc, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineExitOneAndNoOutput(InputSafetyTest.Bad bad) throws IOException {
        Path input = dir.resolve(bad.name());
        Files.write(input, bad.bytes());
        Path parent = Files.createDirectory(dir.resolve("results"));
        Run r = job("-input", input.toString(), "-output", parent.resolve("run").toString(), "-q");
        assertEquals(1, r.exit(), String.join("\n", r.errLines()));
        assertEquals(1, r.errLines().size(), "not one line: " + r.errLines());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("reprise-spark: error: "), line);
        assertTrue(line.contains(input.toString()), "the file is not named: " + line);
        for (String s : bad.says()) {
            assertTrue(line.contains(s), "'" + s + "' missing from: " + line);
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList(), "left in " + parent);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questionableInputs")
    void questionableInputWarnsAndRuns(InputSafetyTest.Questionable q) throws IOException {
        Path input = dir.resolve(q.name());
        Files.writeString(input, q.fasta(), StandardCharsets.US_ASCII);
        Path out = dir.resolve("results").resolve("run");
        Run r = job("-input", input.toString(), "-output", out.toString(), "-q");
        assertEquals(0, r.exit(), String.join("\n", r.errLines()));
        List<String> warnings = r.errLines().stream().filter(l -> l.startsWith("reprise-spark: warning: ")).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains(q.says()) && w.contains(input.toString())),
                "no warning with '" + q.says() + "' naming the file: " + r.errLines());
        assertEquals(r.errLines(), warnings, "only warnings with -q: " + r.errLines());
        SparkRepriseJobTest.assertOnlyOutputs(out, "run");
        assertFalse(Files.readString(out.resolve("run.summary.json")).isEmpty());
    }

    /** A complete first run into dir/results/run, its files as they are. */
    private java.util.Map<String, byte[]> firstRun(Path input, Path out) throws IOException {
        Files.writeString(input, CliRuns.planted(7, 12_000, 6));
        Run r = job("-input", input.toString(), "-output", out.toString(), "-q");
        assertEquals(0, r.exit(), String.join("\n", r.errLines()));
        return CliRuns.tree(out);
    }

    @Test
    void aFullDiskIsOneLineAndLeavesThePreviousOutput() throws IOException {
        Path input = dir.resolve("g.fa");
        Path out = dir.resolve("results").resolve("run");
        java.util.Map<String, byte[]> before = firstRun(input, out);
        for (long room : new long[] {0, 3_000, 20_000}) { // in the first output, and in later ones
            DiskFault.reset();
            System.setProperty(DiskFault.PROPERTY, "full:" + room);
            Run r = job("-input", input.toString(), "-output", out.toString(), "-q", "--overwrite", "-minfreq", "3");
            System.clearProperty(DiskFault.PROPERTY);
            assertEquals(1, r.exit(), String.join("\n", r.errLines()));
            assertEquals(1, r.errLines().size(), "not one line: " + r.errLines());
            String line = r.errLines().get(0);
            assertTrue(line.startsWith("reprise-spark: error: cannot write ") && line.contains("/run/run."), line);
            assertTrue(line.endsWith(": " + DiskFault.NO_SPACE), line);
            assertEquals(List.of(), CliRuns.differences(before, CliRuns.tree(out)),
                    "the previous output changed, or a temporary folder was left (room " + room + ")");
        }
    }

    @Test
    void aReadOnlyOutputIsOneLineAndLeavesThePreviousOutput() throws IOException {
        Path input = dir.resolve("g.fa");
        Path out = dir.resolve("results").resolve("run");
        java.util.Map<String, byte[]> before = firstRun(input, out);
        System.setProperty(DiskFault.PROPERTY, "readonly"); // tests run as root, who writes anywhere
        Run r = job("-input", input.toString(), "-output", out.toString(), "-q", "--overwrite");
        assertEquals(1, r.exit(), String.join("\n", r.errLines()));
        assertEquals(List.of("reprise-spark: error: output folder is not writable: " + out), r.errLines());
        assertEquals(List.of(), CliRuns.differences(before, CliRuns.tree(out)));
    }
}
