package org.reprise.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic {@link ReportData} made from a seed: a few chromosomes and many scaffolds (some with
 * names full of HTML's special characters), families with log-uniform lengths per class,
 * heavy-tailed copy numbers and divergences spread around a family age, a polishing step and
 * two notes. Same seed, same data.
 *
 * <p>Run {@code main} to look at a report: {@code java -cp local-core/target/classes:local-core/target/test-classes
 * org.reprise.report.ReportFixture /tmp/demo.report.html [families] [contigs]}.
 */
public final class ReportFixture {
    /** A contig name with every character HTML treats specially. */
    public static final String NASTY_CONTIG = "chrUn_<b>&amp;\"quoted\"&'single'</script>";
    /** A family name that would inject markup if it were not escaped. */
    public static final String NASTY_FAMILY = "rnd9_family-<img src=x onerror=alert(1)>";

    private static final String[] PARAMETER_NAMES = {"match", "mismatch", "gap", "gapex", "cappenalty", "dist",
        "maxextend", "maxrepeat", "maxgap", "stopafter", "minlength", "minfreq", "minimprovement", "tandemdist", "threads"};
    private static final int[] PARAMETER_VALUES = {1, -1, -5, -1, -20, 0, 10000, 100000, 5, 100, 50, 3, 3, 500, 8};

    private ReportFixture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ReportFixture OUT.html [families] [contigs]");
            System.exit(2);
        }
        int families = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int contigs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        long t0 = System.nanoTime();
        ReportData d = realistic(42, families, contigs);
        long t1 = System.nanoTime();
        RunReport.write(d, Path.of(args[0]));
        long t2 = System.nanoTime();
        System.err.printf("data %.2f s, report %.2f s: %s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, args[0]);
    }

    /** The demo: 300 families, 1,000 contigs. */
    public static ReportData realistic(long seed) {
        return realistic(seed, 300, 1000);
    }

    /**
     * @param seed     random seed
     * @param families families in the library, {@code >= 1}
     * @param contigs  contigs in the genome, {@code >= 2} (12 chromosomes if there are enough, then scaffolds)
     */
    public static ReportData realistic(long seed, int families, int contigs) {
        Random rnd = new Random(seed);
        int k = 19;

        List<FamilySummary> fams = new ArrayList<>(families);
        long librarySize = 0;
        for (int i = 0; i < families; i++) {
            RepeatClass c = randomClass(rnd);
            long length = logUniform(rnd, minLength(c), maxLength(c));
            long copies = Math.min(20_000, 3 + (long) (3 * Math.pow(1 / (1 - rnd.nextDouble()), 0.8)));
            double fill = 0.3 + 0.7 * rnd.nextDouble();
            long masked = Math.round(copies * length * fill);
            double age = c == RepeatClass.SATELLITE ? 0.02 + 0.05 * rnd.nextDouble() : 0.01 + 0.28 * rnd.nextDouble();
            double[] div = new double[(int) copies];
            for (int j = 0; j < div.length; j++) {
                div[j] = Math.max(0, Math.min(1, age + rnd.nextGaussian() * age / 3));
            }
            String name = i == 7 ? NASTY_FAMILY : "rnd1_family-" + i;
            fams.add(new FamilySummary(name, c, length, copies, masked, randomKmer(rnd, k),
                    copies + rnd.nextInt(40), div));
            librarySize += length;
        }

        List<ContigMasking> cs = new ArrayList<>(contigs);
        int chromosomes = Math.min(12, contigs / 2);
        long bases = 0;
        for (int i = 0; i < contigs; i++) {
            long length;
            String name;
            double fraction;
            if (i < chromosomes) {
                length = logUniform(rnd, 5_000_000, 40_000_000);
                name = "chr" + (i + 1);
                fraction = 0.15 + 0.3 * rnd.nextDouble();
            } else {
                boolean nasty = i == chromosomes + 3;
                // the nasty name is long enough to be among the longest contigs, which are drawn
                length = nasty ? 650_000 : logUniform(rnd, 1_000, 500_000);
                name = nasty ? NASTY_CONTIG : "scaffold_" + (i - chromosomes + 1);
                fraction = rnd.nextInt(6) == 0 ? 0 : Math.pow(rnd.nextDouble(), 1.5);
            }
            cs.add(new ContigMasking(name, length, Math.round(length * fraction)));
            bases += length;
        }

        RunInfo.Builder run = RunInfo.builder()
                .toolVersion("0.1.0-SNAPSHOT")
                .input("/data/assemblies/Dmel_scaffolds & more/genome<v2>.fa.gz")
                .date(ZonedDateTime.of(2025, 6, 1, 14, 3, 12, 0, ZoneOffset.ofHours(2)))
                .strategy("partitioned, 8 partitions")
                .genome(new GenomeSize(bases, contigs, bases - bases / 40))
                .k(k);
        for (int i = 0; i < PARAMETER_NAMES.length; i++) {
            run.parameter(PARAMETER_NAMES[i], PARAMETER_VALUES[i]);
        }
        Map<String, Double> phases = new java.util.LinkedHashMap<>();
        phases.put("read genome", 3.21);
        phases.put("count k-mers", 11.7);
        phases.put("rank seeds", 4.05);
        phases.put("discover families", 96.3);
        phases.put("reconcile partitions", 7.9);
        phases.put("polish library", 8.42);
        phases.put("write outputs", 2.2);
        double sum = 0;
        for (double s : phases.values()) {
            sum += s;
        }
        run.phases(phases).wallSeconds(sum + 1.6).peakMemoryBytes(6_442_450_944L);

        LibrarySummary after = LibrarySummary.of(fams);
        long merged = 55;
        long joined = 12;
        long tandem = 18;
        long lowComplexity = 9;
        long fewCopies = 25;
        EnumMap<RepeatClass, Long> beforeClasses = new EnumMap<>(after.entriesPerClass());
        long extra = merged + joined + tandem + lowComplexity + fewCopies;
        RepeatClass[] classes = RepeatClass.values();
        for (long e = 0; e < extra; e++) {
            beforeClasses.merge(classes[rnd.nextInt(classes.length)], 1L, Long::sum);
        }
        LibrarySummary before = new LibrarySummary(after.entries() + extra, librarySize + extra * 900, beforeClasses);

        return ReportData.builder()
                .run(run.build())
                .contigs(cs)
                .families(fams)
                .polishing(new Polishing(before, after, 40, joined, tandem, lowComplexity, fewCopies))
                .note("3 contigs are shorter than k = 19 and hold no seed.")
                .note("Partition 5 of 8 needed a second attempt (executor lost); its families are unchanged.")
                .build();
    }

    private static RepeatClass randomClass(Random rnd) {
        int r = rnd.nextInt(100);
        return r < 25 ? RepeatClass.LTR : r < 45 ? RepeatClass.DNA : r < 60 ? RepeatClass.LINE
                : r < 70 ? RepeatClass.SINE : r < 75 ? RepeatClass.SATELLITE : RepeatClass.UNKNOWN;
    }

    private static long minLength(RepeatClass c) {
        return switch (c) {
            case LTR -> 300;
            case DNA -> 100;
            case LINE -> 500;
            case SINE -> 80;
            case SATELLITE, UNKNOWN -> 50;
        };
    }

    private static long maxLength(RepeatClass c) {
        return switch (c) {
            case LTR -> 8_000;
            case DNA -> 3_000;
            case LINE -> 6_500;
            case SINE -> 400;
            case SATELLITE -> 300;
            case UNKNOWN -> 5_000;
        };
    }

    private static long logUniform(Random rnd, long lo, long hi) {
        return Math.round(Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo))));
    }

    private static String randomKmer(Random rnd, int k) {
        char[] s = new char[k];
        for (int i = 0; i < k; i++) {
            s[i] = "ACGT".charAt(rnd.nextInt(4));
        }
        return new String(s);
    }
}
