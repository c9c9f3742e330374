package org.reprise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.batch.BatchReport;
import org.reprise.batch.GenomeDigest;
import org.reprise.batch.LocalBatchStore;
import org.reprise.io.OutputDirectory;
import org.reprise.testing.CliRuns;
import org.reprise.util.PausePoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line and a batch killed with SIGKILL (a subprocess of this JVM's class path, paused
 * at a named {@link PausePoint} and then killed there): in the family loop and in the middle of
 * the output commit. Nothing looks finished afterwards, and a rerun gives the outputs of a run
 * that was never disturbed, byte for byte (the summaries without their timings).
 */
class KillTest {
    @TempDir
    Path dir;

    /** Starts {@code reprise ARGS} in a new JVM that pauses at {@code point}, waits for the pause and kills it with -9. */
    private static String killAt(String point, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-D" + PausePoint.PROPERTY + "=" + point, RepriseCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                    if (line.startsWith(PausePoint.MESSAGE + point.replaceFirst(":.*", ""))) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return false;
        });
        boolean reached;
        try {
            reached = paused.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            reached = false;
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process outlived its kill");
        synchronized (seen) {
            assertTrue(reached, "never paused at " + point + ":\n" + seen);
            assertEquals(137, p.exitValue(), "not killed by signal 9:\n" + seen);
            return seen.toString();
        }
    }

    /** The files of a folder that do not look hidden or temporary: what a reader could take for results. */
    private static List<String> visible(Path folder) throws IOException {
        return CliRuns.tree(folder).keySet().stream()
                .filter(n -> !n.startsWith(".") && !n.contains("/.") && !n.contains(LocalBatchStore.TEMPORARY_PREFIX))
                .toList();
    }

    private Path genome() throws IOException {
        Path g = dir.resolve("g.fa");
        Files.writeString(g, CliRuns.planted(31, 16_000, 8));
        return g;
    }

    private Map<String, byte[]> undisturbed(Path genome, String... options) throws IOException {
        Path prefix = Files.createDirectories(dir.resolve("undisturbed")).resolve("run");
        List<String> args = new ArrayList<>(List.of("-input", genome.toString(), "-output", prefix.toString(), "-q"));
        args.addAll(List.of(options));
        assertEquals(0, CliRuns.run(args.toArray(new String[0])).exit());
        return CliRuns.tree(prefix.getParent());
    }

    @Test
    void killedInTheFamilyLoopLeavesNothingAndTheRerunEqualsAnUndisturbedRun() throws Exception {
        Path g = genome();
        Path prefix = Files.createDirectories(dir.resolve("killed")).resolve("run");
        killAt("families", "-input", g.toString(), "-output", prefix.toString(), "-q");
        assertEquals(List.of(), visible(prefix.getParent()), "a killed run left files under final names");

        CliRuns.Result rerun = CliRuns.run("-input", g.toString(), "-output", prefix.toString(), "-q");
        assertEquals(0, rerun.exit(), rerun.err());
        assertEquals(List.of(), CliRuns.differencesButTimes(undisturbed(g), CliRuns.tree(prefix.getParent())),
                "the rerun differs from an undisturbed run (or left the killed run's files)");
    }

    @Test
    void killedInTheOutputCommitLeavesNoSummaryAndTheRerunEqualsAnUndisturbedRun() throws Exception {
        Path g = genome();
        Path prefix = Files.createDirectories(dir.resolve("killed")).resolve("run");
        // a previous complete output with other parameters, then a run killed after its first rename
        assertEquals(0, CliRuns.run("-input", g.toString(), "-output", prefix.toString(), "-q", "-minfreq", "4").exit());
        killAt("commit", "-input", g.toString(), "-output", prefix.toString(), "-q");
        List<String> left = visible(prefix.getParent());
        assertFalse(left.contains("run.summary.json"), "the mark of a finished run survived a cut commit: " + left);
        assertTrue(left.contains("run.reprof"), "the kill was not after the first rename: " + left);

        CliRuns.Result rerun = CliRuns.run("-input", g.toString(), "-output", prefix.toString(), "-q");
        assertEquals(0, rerun.exit(), rerun.err());
        assertEquals(List.of(), CliRuns.differencesButTimes(undisturbed(g), CliRuns.tree(prefix.getParent())));
    }

    // ---------------------------------------------------------------- batches

    private Path batchManifest() throws IOException {
        Path a = dir.resolve("a.fa");
        Path b = dir.resolve("b.fa");
        Path c = dir.resolve("c.fa");
        Files.writeString(a, CliRuns.planted(41, 12_000, 6));
        Files.writeString(b, CliRuns.planted(42, 14_000, 8));
        Files.writeString(c, CliRuns.planted(43, 10_000, 6));
        Path m = dir.resolve("m.tsv");
        Files.writeString(m, "genome_id\tinput\na\ta.fa\nb\tb.fa\nc\tc.fa\n");
        return m;
    }

    /** A batch root's genome outputs, without the batch's own files (reports, lock, digests with their times). */
    private static Map<String, byte[]> genomeOutputs(Path root) throws IOException {
        Map<String, byte[]> t = CliRuns.tree(root);
        t.keySet().removeIf(k -> k.startsWith("batch-report") || k.equals(LocalBatchStore.LOCK) || k.endsWith(GenomeDigest.FILE));
        return t;
    }

    private Map<String, byte[]> undisturbedBatch(Path manifest) throws IOException {
        Path root = dir.resolve("undisturbed-root");
        CliRuns.Result r = CliRuns.run("batch", "--manifest", manifest.toString(), "--output-root", root.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        return genomeOutputs(root);
    }

    private static String status(Path root, String id) throws IOException {
        for (String line : Files.readAllLines(root.resolve(BatchReport.TSV))) {
            if (line.startsWith(id + "\t")) {
                return line.split("\t")[1];
            }
        }
        return "(not in the report)";
    }

    @Test
    void batchKilledMidGenomeRedoesItAndSkipsTheFinishedOnes() throws Exception {
        Path m = batchManifest();
        Path root = dir.resolve("root");
        // killed in the family loop of the second genome (the pause counts family loops in the JVM)
        killAt("families:2", "batch", "--manifest", m.toString(), "--output-root", root.toString(), "-q");
        assertTrue(Files.isRegularFile(root.resolve("a").resolve(OutputDirectory.SUCCESS)));
        assertFalse(Files.exists(root.resolve("b").resolve(OutputDirectory.SUCCESS)));
        assertEquals(List.of(), visible(root.resolve("b")), "the killed genome left files under final names");
        assertEquals("running", status(root, "b"));
        assertEquals("pending", status(root, "c"));

        CliRuns.Result rerun = CliRuns.run("batch", "--manifest", m.toString(), "--output-root", root.toString(), "-q");
        assertEquals(0, rerun.exit(), rerun.err());
        assertEquals("skipped", status(root, "a"));
        assertEquals("done", status(root, "b"));
        assertEquals("done", status(root, "c"));
        assertEquals(List.of(), CliRuns.differencesButTimes(undisturbedBatch(m), genomeOutputs(root)));
    }

    @Test
    void batchKilledInAGenomesCommitRedoesIt() throws Exception {
        Path m = batchManifest();
        Path root = dir.resolve("root");
        killAt("batch-commit:2", "batch", "--manifest", m.toString(), "--output-root", root.toString(), "-q");
        assertTrue(Files.isRegularFile(root.resolve("a").resolve(OutputDirectory.SUCCESS)));
        assertFalse(Files.exists(root.resolve("b").resolve(OutputDirectory.SUCCESS)), "a cut commit looks finished");
        assertFalse(visible(root.resolve("b")).isEmpty(), "the kill was not inside the commit");

        CliRuns.Result dry = CliRuns.run("batch", "--manifest", m.toString(), "--output-root", root.toString(), "--dry-run");
        assertEquals("a\tskip\tup to date\nb\trun\toutput incomplete (no _SUCCESS)\nc\trun\tnew\n", dry.out());
        CliRuns.Result rerun = CliRuns.run("batch", "--manifest", m.toString(), "--output-root", root.toString(), "-q");
        assertEquals(0, rerun.exit(), rerun.err());
        assertEquals(List.of(), CliRuns.differencesButTimes(undisturbedBatch(m), genomeOutputs(root)));
        assertTrue(CliRuns.tree(root.resolve("b")).keySet().stream().noneMatch(k -> k.contains(LocalBatchStore.TEMPORARY_PREFIX)),
                "the killed run's temporary directory survived the rerun");
    }
}
