package org.reprise.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code reprise simulate --preset human}: the parameters of a benchmark genome shaped like a
 * mammal's. At full size ({@value #LENGTH} bases): 24 chromosomes in the proportions of the human
 * reference's 22 autosomes, X and Y, each 50-250 Mb, then {@value #UNPLACED} unplaced contigs of
 * 5-200 kb; {@value #FAMILIES} drawn interspersed families whose copy numbers follow a heavy tail
 * (a power law over {@value #COPIES_MIN}-{@value #COPIES_MAX}), plus giant families set by hand
 * (a 300-base SINE with more than half a million copies, an older SINE, two 6 kb LINEs with over
 * 100,000 copies each, most of them 5'-truncated), all expected to fill {@value #REPEAT_FRACTION}
 * of the genome; divergence up to {@value #MAX_DIVERGENCE}; satellites and low-complexity
 * stretches in proportion to the length.
 *
 * <p>Another length scales everything with it: chromosome sizes, the number of unplaced contigs (at
 * least {@value #MIN_UNPLACED}; their sizes stay 5-200 kb, the chromosomes take the rest, so the
 * genome has the length exactly), the giants' copy numbers, satellites and low-complexity stretches;
 * the drawn families' copy numbers follow from the repeat fraction. Below {@value #FULL_FAMILIES_FROM}
 * bases the number of drawn families falls in proportion to the length too: with all of them, the
 * fewest copies each (three) would fill more than the repeat fraction leaves them.
 *
 * <p>Given chromosome sizes replace the 24 chromosomes; the unplaced contigs are added to them, as
 * many as for a genome of the chromosomes' total, and the rest is scaled to the genome's length.
 */
public final class HumanPreset {
    /** The preset's name on the command line. */
    public static final String NAME = "human";
    /** The full-size genome, unplaced contigs included. */
    public static final long LENGTH = 3_100_000_000L;
    /**
     * The shortest genome the preset scales to: the handful of unplaced contigs then still leaves
     * the chromosomes most of it, so each keeps its share of the shape.
     */
    public static final long MIN_LENGTH = 10_000_000L;

    /** Chromosome sizes of the human reference, in Mb: the shape, scaled to the genome. */
    private static final double[] CHROMOSOME_SHAPE = {
        248.96, 242.19, 198.30, 190.21, 181.54, 170.81, 159.35, 145.14, 138.39, 133.80, 135.09, 133.28,
        114.36, 107.04, 101.99, 90.34, 83.26, 80.37, 58.62, 64.44, 46.71, 50.82, 156.04, 57.23};
    private static final String[] CHROMOSOME_NAMES = {
        "chr1", "chr2", "chr3", "chr4", "chr5", "chr6", "chr7", "chr8", "chr9", "chr10", "chr11", "chr12",
        "chr13", "chr14", "chr15", "chr16", "chr17", "chr18", "chr19", "chr20", "chr21", "chr22", "chrX", "chrY"};
    /** Smallest and largest chromosome at full size; a scaled genome scales them too. */
    public static final long CHROMOSOME_MIN = 50_000_000L;
    public static final long CHROMOSOME_MAX = 250_000_000L;
    /**
     * Added to every shape size (Mb) before scaling, at least: it narrows the spread so that the
     * smallest chromosomes stay above {@link #CHROMOSOME_MIN} once the unplaced contigs have
     * taken their part. A larger offset is used when needed; the largest chromosome only shrinks
     * as the offset grows, and stays below {@link #CHROMOSOME_MAX}.
     */
    private static final double SHAPE_OFFSET = 10;

    public static final int UNPLACED = 2000;
    public static final int MIN_UNPLACED = 8;
    public static final int UNPLACED_MIN_SIZE = 5_000;
    public static final int UNPLACED_MAX_SIZE = 200_000;

    public static final int FAMILIES = 1200;
    public static final long FULL_FAMILIES_FROM = 200_000_000L;
    static final int MIN_FAMILIES = 20;
    public static final int COPIES_MIN = 3;
    public static final int COPIES_MAX = 30_000;
    /** Tail exponent of the drawn copy numbers: below 1, the largest draws hold much of the total. */
    static final double COPIES_TAIL = 0.5;
    public static final double REPEAT_FRACTION = 0.5;
    public static final double MAX_DIVERGENCE = 0.30;
    /** LINE copies 5'-truncated: most of them, as retrotransposition of a long element often stops early. */
    static final double LINE_TRUNCATED = 0.9;
    static final double LTR = 0.45;
    static final double TIR = 0.25;
    static final double LINE = 0.12;
    static final double SINE = 0.08;
    static final int SATELLITES = 3000;
    static final int LOW_COMPLEXITY = 60_000;

    /** The giant families at full size; their copy numbers scale with the genome, at least {@value #COPIES_MIN}. */
    static final List<GiantFamily> GIANTS = List.of(
            new GiantFamily(RepeatClass.SINE, 300, 550_000, 0.10),
            new GiantFamily(RepeatClass.SINE, 260, 200_000, 0.26),
            new GiantFamily(RepeatClass.LINE, 6000, 120_000, 0.12),
            new GiantFamily(RepeatClass.LINE, 6000, 100_000, 0.20));

    private HumanPreset() {
    }

    /**
     * @param seed        the seed (the unplaced contigs' sizes are drawn from it)
     * @param length      the genome's length ({@link #LENGTH} for the full size); unused with chromosomes
     * @param chromosomes sizes replacing the 24 chromosomes, or null
     * @return a builder holding the preset; options set on it afterwards override the preset's
     * @throws IllegalArgumentException naming the option when the length or sizes are out of range
     */
    public static SimulationParameters.Builder builder(long seed, long length, long[] chromosomes) {
        long[] chromosomeSizes;
        String[] chromosomeNames;
        long[] unplaced;
        if (chromosomes != null) {
            long sum = 0;
            for (long c : chromosomes) {
                require(c >= 1 && c <= SimulationParameters.MAX_GENOME,
                        "--contig-sizes: every size must be between 1 and 1000G bases (got " + c + ")");
                sum += c;
                require(sum <= SimulationParameters.MAX_GENOME, "--contig-sizes must add up to at most 1000G bases");
            }
            require(sum >= MIN_LENGTH, "--contig-sizes must add up to at least 10M bases with --preset human (got "
                    + sum + ")");
            unplaced = unplacedSizes(seed, sum);
            chromosomeSizes = chromosomes.clone();
            chromosomeNames = new String[chromosomes.length];
            for (int i = 0; i < chromosomes.length; i++) {
                chromosomeNames[i] = chromosomes.length == CHROMOSOME_NAMES.length ? CHROMOSOME_NAMES[i]
                        : "chr" + (i + 1);
            }
        } else {
            long total = length;
            require(total >= MIN_LENGTH && total <= SimulationParameters.MAX_GENOME,
                    "--length must be between 10M and 1000G bases with --preset human (got " + total + ")");
            unplaced = unplacedSizes(seed, total);
            long rest = total;
            for (long u : unplaced) {
                rest -= u;
            }
            chromosomeSizes = chromosomeSizes(rest, (double) total / LENGTH);
            chromosomeNames = CHROMOSOME_NAMES.clone();
        }
        int n = chromosomeSizes.length + unplaced.length;
        long[] sizes = new long[n];
        String[] names = new String[n];
        long genome = 0;
        int width = Integer.toString(unplaced.length).length();
        for (int i = 0; i < n; i++) {
            boolean chromosome = i < chromosomeSizes.length;
            sizes[i] = chromosome ? chromosomeSizes[i] : unplaced[i - chromosomeSizes.length];
            names[i] = chromosome ? chromosomeNames[i] : "chrUn" + pad(i - chromosomeSizes.length + 1, width);
            genome += sizes[i];
        }
        double scale = (double) genome / LENGTH;
        List<GiantFamily> giants = new ArrayList<>(GIANTS.size());
        for (GiantFamily g : GIANTS) {
            giants.add(new GiantFamily(g.repeatClass(), g.length(), scaled(g.copies(), scale, COPIES_MIN),
                    g.divergence()));
        }
        int families = (int) Math.max(MIN_FAMILIES, Math.min(FAMILIES,
                StrictMath.round(FAMILIES * (double) genome / FULL_FAMILIES_FROM)));
        return SimulationParameters.builder().seed(seed).contigSizes(sizes).contigNames(names).families(families)
                .copies(COPIES_MIN, COPIES_MAX).copiesTail(COPIES_TAIL).repeatFraction(REPEAT_FRACTION).giants(giants)
                .maxDivergence(MAX_DIVERGENCE).lineTruncated(LINE_TRUNCATED).ltr(LTR).tir(TIR).line(LINE).sine(SINE)
                .satellites(Math.min(100_000, scaled(SATELLITES, scale, 1)))
                .lowComplexity(Math.min(10_000_000, scaled(LOW_COMPLEXITY, scale, 1)));
    }

    /**
     * @return the unplaced contigs' sizes, log-uniform in 5-200 kb, as many as {@link #UNPLACED}
     *         scaled to {@code reference} bases, at least {@link #MIN_UNPLACED}
     */
    static long[] unplacedSizes(long seed, long reference) {
        int n = scaled(UNPLACED, (double) reference / LENGTH, MIN_UNPLACED);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.PRESET_CONTIGS, 0));
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = Draws.logUniformInt(rng, UNPLACED_MIN_SIZE, UNPLACED_MAX_SIZE);
        }
        return sizes;
    }

    /**
     * The 24 chromosome sizes, adding up to {@code total} exactly: the shape plus an offset, in
     * proportion. The offset is the least, from {@link #SHAPE_OFFSET} up, that keeps the smallest
     * at least {@link #CHROMOSOME_MIN} x scale + 1 (floor rounding then loses less than the one
     * base); the remainder of the rounding goes to the first.
     *
     * @param total bases of the chromosomes; more than 24 x (CHROMOSOME_MIN x scale + 1)
     * @param scale the genome's length over {@link #LENGTH}
     */
    static long[] chromosomeSizes(long total, double scale) {
        int n = CHROMOSOME_SHAPE.length;
        double shape = 0;
        double smallest = Double.MAX_VALUE;
        for (double w : CHROMOSOME_SHAPE) {
            shape += w;
            smallest = Math.min(smallest, w);
        }
        double floor = CHROMOSOME_MIN * scale + 1;
        // total (smallest + offset) / (shape + n offset) >= floor, solved for the offset
        double needed = (floor * shape - total * smallest) / (total - n * floor);
        double offset = Math.max(SHAPE_OFFSET, needed);
        long[] sizes = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sizes[i] = (long) StrictMath.floor(total * ((CHROMOSOME_SHAPE[i] + offset) / (shape + n * offset)));
            sum += sizes[i];
        }
        sizes[0] += total - sum;
        return sizes;
    }

    private static int scaled(int full, double scale, int least) {
        return (int) Math.max(least, Math.min(Integer.MAX_VALUE, StrictMath.round(full * scale)));
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
