package org.reprise.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark driver (the job in local mode, in a JVM of its own) killed with SIGKILL in the family
 * loop and in the middle of the output commit: no {@code _SUCCESS} and no summary, so nothing looks
 * finished; the rerun (with {@code --overwrite} when the cut commit left some files) completes and
 * equals an undisturbed run byte for byte. The killed run's hidden {@code _temporary-*} folder
 * stays (readers skip it; batches delete such folders under their lock).
 */
class DriverKillTest {
    static JavaSparkContext sc;
    static Path genome;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sc = SparkTesting.context("local[2]", "DriverKillTest");
        genome = shared.resolve("small.fa");
        Files.writeString(genome, CliRuns.threeFamilies(new Random(99)));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    /** The job in a new JVM (local[1]) told to pause at {@code point}; killed with -9 once it pauses there. */
    private static void killAt(String point, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(SparkTesting.sparkJavaOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-D" + PausePoint.PROPERTY + "=" + point,
                "-Dspark.master=local[1]", "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.serializer=org.apache.spark.serializer.KryoSerializer",
                "-Dspark.kryo.registrator=" + RepriseKryoRegistrator.class.getName(),
                SparkRepriseJob.class.getName(), "-input", genome.toUri().toString(), "-output", out.toUri().toString(),
                "--strategy", "exact", "--partitions", "3", "--overwrite"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                    if (line.startsWith(PausePoint.MESSAGE + point)) {
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
            reached = paused.get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            reached = false;
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the driver outlived its kill");
        synchronized (seen) {
            assertTrue(reached, "never paused at " + point + ":\n" + seen);
        }
        assertEquals(137, p.exitValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"families", "commit"})
    void aKilledDriverLeavesNothingFinishedAndTheRerunEqualsAnUndisturbedRun(String point) throws Exception {
        Path clean = dir.resolve("clean").resolve("g");
        FaultInjectionTest.FaultRun undisturbed = FaultInjectionTest.run(sc, genome, clean, "exact", null, null);
        assertEquals(0, undisturbed.exit(), undisturbed.err());

        Path out = dir.resolve("killed").resolve("g");
        killAt(point, out);
        assertFalse(Files.exists(out.resolve("_SUCCESS")), "a killed driver left _SUCCESS");
        assertFalse(Files.exists(out.resolve("g.summary.json")), "a killed driver left a summary");
        if (point.equals("commit")) {
            assertTrue(Files.exists(out.resolve("g.bed")), "the kill was not after the commit's first rename");
        }

        FaultInjectionTest.FaultRun rerun = FaultInjectionTest.run(sc, genome, out, "exact", null, null);
        if (point.equals("families")) {
            assertEquals(0, rerun.exit(), "only stale temporary folders: no --overwrite needed\n" + rerun.err());
        } else {
            assertEquals(1, rerun.exit(), "a half-committed output was taken over without --overwrite");
            List<String> args = List.of("-input", genome.toUri().toString(), "-output", out.toUri().toString(), "-q",
                    "--strategy", "exact", "--partitions", "3", "--window", "64", "--overwrite");
            assertEquals(0, SparkRepriseJob.execute(args.toArray(new String[0]), sc,
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        }
        FaultInjectionTest.assertSameOutputs(clean, out);
        // What is left of the killed run is its hidden temporary folder (a single job has no lock that
        // would make deleting another run's folder safe; a batch deletes them under its lock).
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var files = Files.list(out)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        names.removeIf(n -> n.startsWith("_temporary-"));
        assertEquals(java.util.Set.of("_SUCCESS", "g.reprof", "g.bed", "g.freq", "g.masked", "g.lib.fa", "g.lib.bed", "g.report.html", "g.summary.json"), names);
    }
}
