import org.reprise.cli.RepriseCli;
import org.reprise.discover.Discovery;
import org.reprise.params.Parameters;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two-thread speed-up of reprise in a warm JVM, and its ceiling on this machine.
 *
 * <ol>
 *   <li>Ceiling: one single-threaded discovery alone, then two independent single-threaded
 *       discoveries of the same genome at once on two threads (nothing shared is written, no
 *       coordination). {@code 2 x alone / together} is the most any two-thread scheme can reach
 *       here for this work.</li>
 *   <li>Whole runs as the command line does them (read the FASTA, discover, write the five
 *       outputs), {@code --threads 1} and {@code --threads 2} alternately, after a run of each
 *       not counted. In a fresh process a one-thread run gets the JIT compiler's work done on the
 *       idle second core for free, and a two-thread run does not: this measures the scheme
 *       once that work is done, as JMH would.</li>
 * </ol>
 * Prints every repetition and the medians.
 *
 * Usage: java -Xmx8g -XX:+UseParallelGC -cp local-core/target/reprise-local-core-0.1.0-SNAPSHOT-all.jar \
 *            bench/cpu/TwoDiscoveries.java GENOME.fa[.gz] [REPETITIONS [--whole-run-only]]
 */
public class TwoDiscoveries {
    public static void main(String[] args) throws Exception {
        String input = args[0];
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length < 3 || !args[2].equals("--whole-run-only")) {
            ceiling(FastaGenomeReader.read(Path.of(input)), reps);
        }
        wholeRuns(input, reps);
    }

    static void ceiling(Genome genome, int reps) throws InterruptedException {
        Parameters p = Parameters.builder().threads(1).build();
        Discovery.run(genome, p, null); // warm-up, not counted
        double[] alone = new double[reps], together = new double[reps], ratio = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            Discovery.run(genome, p, null);
            alone[r] = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            Thread a = new Thread(() -> Discovery.run(genome, p, null));
            Thread b = new Thread(() -> Discovery.run(genome, p, null));
            a.start();
            b.start();
            a.join();
            b.join();
            together[r] = (System.nanoTime() - t) / 1e9;
            ratio[r] = 2 * alone[r] / together[r];
            System.out.printf("rep %d: one discovery alone %.2f s, two at once %.2f s: %.2fx%n", r + 1, alone[r], together[r], ratio[r]);
        }
        System.out.printf("median: alone %.2f s, two at once %.2f s, ceiling %.2fx%n", median(alone), median(together), median(ratio));
    }

    static void wholeRuns(String input, int reps) throws Exception {
        Path out = Files.createTempDirectory("two-discoveries");
        String[] one = {"-input", input, "-output", out.resolve("t1").toString(), "--threads", "1", "-q"};
        String[] two = {"-input", input, "-output", out.resolve("t2").toString(), "--threads", "2", "-q"};
        cli(one);
        cli(two);
        double[] t1 = new double[reps], t2 = new double[reps], speedup = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            cli(one);
            t1[r] = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            cli(two);
            t2[r] = (System.nanoTime() - t) / 1e9;
            speedup[r] = t1[r] / t2[r];
            System.out.printf("rep %d: whole run --threads 1 %.2f s, --threads 2 %.2f s: %.2fx%n", r + 1, t1[r], t2[r], speedup[r]);
        }
        System.out.printf("median: --threads 1 %.2f s, --threads 2 %.2f s, speed-up %.2fx (median of the ratios)%n",
                median(t1), median(t2), median(speedup));
    }

    static void cli(String[] args) {
        int code = RepriseCli.execute(args, System.out, System.err);
        if (code != 0) {
            throw new IllegalStateException("reprise exited with " + code);
        }
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
