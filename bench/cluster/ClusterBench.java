import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.reprise.align.Dna;
import org.reprise.library.ClusteringResult;
import org.reprise.library.ConsensusClustering;
import org.reprise.parallel.Workers;

/**
 * Consensus clustering benchmark (single-file program; run through bench/cluster/cluster-bench.sh).
 *
 *   synth OUT.fa [FAMILIES [FRAGMENTS [SEED [MAXDIV [PARTS]]]]]
 *       writes a synthetic library: FAMILIES random consensi (length log-uniform in 50..10,000),
 *       each in FRAGMENTS mutated copies (0-MAXDIV substitutions, default 0.20, and up to a tenth
 *       of that in indels; a fraction PARTS of them, default 0.5, a random part of at least 50
 *       bases; half reverse-complemented); headers ">fN fam=F".
 *   cluster IN.fa THREADS [RUNS] [CDHIT.clstr] [--support-elementfreq]
 *       clusters IN.fa (support equal for all, so the order is cd-hit's: length descending; or
 *       REPrise's elementfreq= of each header as the support) with
 *       identity >= 0.80 over >= 0.80 of the shorter; prints the wall time of each run (the first
 *       one is the JVM's warm-up), the cluster count, and, when headers carry fam=, the pair
 *       agreement with the families; with a cd-hit .clstr, cd-hit's cluster count and the pair
 *       agreement of the two clusterings.
 */
public class ClusterBench {
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("synth")) {
            synth(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 10, args.length > 4 ? Long.parseLong(args[4]) : 1,
                    args.length > 5 ? Double.parseDouble(args[5]) : 0.20, args.length > 6 ? Double.parseDouble(args[6]) : 0.5);
        } else if (args.length >= 3 && args[0].equals("cluster")) {
            List<String> rest = new ArrayList<>(List.of(args).subList(3, args.length));
            boolean elementfreq = rest.remove("--support-elementfreq");
            cluster(Path.of(args[1]), Integer.parseInt(args[2]), rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 1,
                    rest.size() > 1 ? Path.of(rest.get(1)) : null, elementfreq);
        } else {
            System.err.println("usage: synth OUT.fa [FAMILIES [FRAGMENTS [SEED]]] | cluster IN.fa THREADS [RUNS] [CDHIT.clstr]");
            System.exit(2);
        }
    }

    static void synth(Path out, int families, int fragments, long seed, double maxDiv, double parts) throws IOException {
        Random rnd = new Random(seed);
        int n = 0;
        long bases = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int f = 0; f < families; f++) {
                int length = (int) Math.round(Math.exp(Math.log(50) + rnd.nextDouble() * (Math.log(10000) - Math.log(50))));
                String consensus = random(rnd, length);
                for (int c = 0; c < fragments; c++) {
                    String copy = mutate(rnd, consensus, maxDiv * rnd.nextDouble(), maxDiv / 20 * rnd.nextDouble(),
                            maxDiv / 20 * rnd.nextDouble());
                    if (rnd.nextDouble() < parts && copy.length() > 50) {
                        int len = 50 + rnd.nextInt(copy.length() - 49);
                        int start = rnd.nextInt(copy.length() - len + 1);
                        copy = copy.substring(start, start + len);
                    }
                    if (copy.length() > 10000) {
                        copy = copy.substring(0, 10000);
                    }
                    if (copy.length() < 50) {
                        copy = copy + random(rnd, 50 - copy.length());
                    }
                    if (rnd.nextBoolean()) {
                        copy = Dna.decode(Dna.reverseComplement(Dna.encode(copy)));
                    }
                    w.println(">f" + n++ + " fam=" + f);
                    for (int i = 0; i < copy.length(); i += 80) {
                        w.println(copy.substring(i, Math.min(copy.length(), i + 80)));
                    }
                    bases += copy.length();
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d sequences, %d families, %,d bases%n", out, n, families, bases);
    }

    static void cluster(Path in, int threads, int runs, Path clstr, boolean elementfreq) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> families = new ArrayList<>();
        List<byte[]> seqs = new ArrayList<>();
        List<Long> freqs = new ArrayList<>();
        readFasta(in, names, families, seqs, freqs);
        long bases = 0;
        for (byte[] s : seqs) {
            bases += s.length;
        }
        long[] support = new long[seqs.size()];
        for (int i = 0; elementfreq && i < support.length; i++) {
            support[i] = freqs.get(i);
        }
        ClusteringResult result = null;
        try (Workers workers = new Workers(threads)) {
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                long m0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                result = new ConsensusClustering().cluster(seqs, support, workers);
                long m1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "run %d: wall %.2f s, cpu %.2f s (calling thread %.2f s), %d clusters%n",
                        r + 1, (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9, (m1 - m0) / 1e9,
                        result.clusterCount());
            }
        }
        int[] ours = new int[seqs.size()];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = result.clusterOf(i);
        }
        System.out.printf(Locale.ROOT, "input: %d sequences, %,d bases; threads %d; ours: %d clusters%n", seqs.size(),
                bases, threads, result.clusterCount());
        if (!families.contains(null)) {
            int[] truth = labels(families);
            System.out.println("ours vs families:  " + agreement(ours, truth));
        }
        if (clstr != null) {
            int[] cdhit = readClstr(clstr, names);
            int count = 0;
            for (int c : cdhit) {
                count = Math.max(count, c + 1);
            }
            System.out.printf(Locale.ROOT, "cd-hit: %d clusters%n", count);
            System.out.println("ours vs cd-hit:    " + agreement(ours, cdhit));
            if (!families.contains(null)) {
                System.out.println("cd-hit vs families: " + agreement(cdhit, labels(families)));
            }
        }
    }

    /** CPU time of the whole process (all threads), which a loaded machine does not inflate as it does wall time. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Pairs of sequences clustered together: in both, in x only, in y only (x's precision and recall against y). */
    static String agreement(int[] x, int[] y) {
        Map<Long, Long> both = new HashMap<>();
        Map<Integer, Long> xs = new HashMap<>(), ys = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            both.merge(((long) x[i] << 32) | y[i], 1L, Long::sum);
            xs.merge(x[i], 1L, Long::sum);
            ys.merge(y[i], 1L, Long::sum);
        }
        long pb = 0, px = 0, py = 0;
        for (long v : both.values()) {
            pb += v * (v - 1) / 2;
        }
        for (long v : xs.values()) {
            px += v * (v - 1) / 2;
        }
        for (long v : ys.values()) {
            py += v * (v - 1) / 2;
        }
        return String.format(Locale.ROOT, "pairs together in both %d, in first %d, in second %d (precision %.4f, recall %.4f)",
                pb, px, py, px == 0 ? 1.0 : (double) pb / px, py == 0 ? 1.0 : (double) pb / py);
    }

    static int[] labels(List<String> families) {
        Map<String, Integer> ids = new HashMap<>();
        int[] out = new int[families.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(families.get(i), k -> ids.size());
        }
        return out;
    }

    static void readFasta(Path in, List<String> names, List<String> families, List<byte[]> seqs, List<Long> freqs)
            throws IOException {
        var stream = Files.newInputStream(in);
        BufferedReader r = new BufferedReader(new java.io.InputStreamReader(
                in.toString().endsWith(".gz") ? new GZIPInputStream(stream) : stream));
        StringBuilder seq = null;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith(">")) {
                if (seq != null) {
                    seqs.add(Dna.encode(seq));
                }
                String h = line.substring(1).trim();
                names.add(h.split("\\s+")[0]);
                int f = h.indexOf("fam=");
                families.add(f < 0 ? null : h.substring(f + 4).split("\\s+")[0]);
                int e = h.indexOf("elementfreq=");
                freqs.add(e < 0 ? 0L : Long.parseLong(h.substring(e + 12).split("[,\\s]")[0]));
                seq = new StringBuilder();
            } else if (seq != null) {
                seq.append(line.trim());
            }
        }
        if (seq != null) {
            seqs.add(Dna.encode(seq));
        }
    }

    /** cd-hit's .clstr: ">Cluster N" lines, then members "0\t123nt, >name... *". */
    static int[] readClstr(Path clstr, List<String> names) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] out = new int[names.size()];
        java.util.Arrays.fill(out, -1);
        int cluster = -1;
        for (String line : Files.readAllLines(clstr)) {
            if (line.startsWith(">Cluster")) {
                cluster++;
            } else if (!line.isBlank()) {
                int gt = line.indexOf('>');
                int dots = line.indexOf("...", gt);
                String name = line.substring(gt + 1, dots);
                Integer i = index.get(name);
                if (i == null) {
                    // cd-hit cuts names at 19 characters by default (-d): match a prefix
                    for (int j = 0; j < names.size() && i == null; j++) {
                        if (names.get(j).startsWith(name)) {
                            i = j;
                        }
                    }
                }
                out[i] = cluster;
            }
        }
        return out;
    }

    static String random(Random rnd, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append("ACGT".charAt(rnd.nextInt(4)));
        }
        return s.toString();
    }

    static String mutate(Random rnd, String s, double sub, double ins, double del) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            double x = rnd.nextDouble();
            if (x < del) {
                continue;
            }
            if (x < del + ins) {
                out.append("ACGT".charAt(rnd.nextInt(4)));
            }
            char c = s.charAt(i);
            if (rnd.nextDouble() < sub) {
                c = "ACGT".charAt(("ACGT".indexOf(c) + 1 + rnd.nextInt(3)) % 4);
            }
            out.append(c);
        }
        return out.toString();
    }
}
