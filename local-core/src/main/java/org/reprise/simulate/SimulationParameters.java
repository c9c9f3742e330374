package org.reprise.simulate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code reprise simulate} plants, with its defaults. Immutable; build with
 * {@link #builder()}. Every value is checked in {@link Builder#build()}, with a message naming
 * the command-line option, so the planner can trust them.
 */
public final class SimulationParameters {
    /** The longest genome accepted: 1,000 Gbp (positions are longs; the plan must fit in memory). */
    public static final long MAX_GENOME = 1_000_000_000_000L;
    /** Most copies the families may ask for (families x the largest copy number, plus the giant families' copies). */
    public static final long MAX_COPIES = 50_000_000L;

    private final long seed;
    private final long length;
    private final int contigs;
    private final long[] contigSizes;
    private final String[] contigNames;
    private final double gc;
    private final int families;
    private final int familyMinLength;
    private final int familyMaxLength;
    private final int copiesMin;
    private final int copiesMax;
    private final double copiesTail;
    private final double repeatFraction;
    private final List<GiantFamily> giants;
    private final double maxDivergence;
    private final double truncated;
    private final double lineTruncated;
    private final double nested;
    private final double ltr;
    private final double tir;
    private final double line;
    private final double sine;
    private final int satellites;
    private final int lowComplexity;
    private final int fastaLine;
    private final boolean softMaskTruth;

    private SimulationParameters(Builder b) {
        seed = b.seed;
        contigSizes = b.contigSizes == null ? null : b.contigSizes.clone();
        length = contigSizes == null ? b.length : Arrays.stream(contigSizes).sum();
        contigs = contigSizes == null ? b.contigs : contigSizes.length;
        contigNames = b.contigNames == null ? null : b.contigNames.clone();
        gc = b.gc;
        families = b.families;
        familyMinLength = b.familyMinLength;
        familyMaxLength = b.familyMaxLength;
        copiesMin = b.copiesMin;
        copiesMax = b.copiesMax;
        copiesTail = b.copiesTail;
        repeatFraction = b.repeatFraction;
        giants = List.copyOf(b.giants);
        maxDivergence = b.maxDivergence;
        truncated = b.truncated;
        lineTruncated = b.lineTruncated;
        nested = b.nested;
        ltr = b.ltr;
        tir = b.tir;
        line = b.line;
        sine = b.sine;
        satellites = b.satellites;
        lowComplexity = b.lowComplexity;
        fastaLine = b.fastaLine;
        softMaskTruth = b.softMaskTruth;
    }

    /** @return a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the seed of every random draw. */
    public long seed() { return seed; }
    /** @return the genome's length in bases (the sum of the contig sizes when they were given). */
    public long length() { return length; }
    /** @return the number of contigs. */
    public int contigs() { return contigs; }
    /** @return the contig sizes given explicitly, or null when they are drawn. */
    public long[] contigSizes() { return contigSizes == null ? null : contigSizes.clone(); }
    /** @return the contig names given with the sizes, or null for {@code chr1}, {@code chr2}... */
    public String[] contigNames() { return contigNames == null ? null : contigNames.clone(); }
    /** @return the fraction of G and C in the background and the consensus sequences. */
    public double gc() { return gc; }
    /** @return the number of interspersed families. */
    public int families() { return families; }
    /** @return the shortest consensus of an interspersed family. */
    public int familyMinLength() { return familyMinLength; }
    /** @return the longest consensus of an interspersed family. */
    public int familyMaxLength() { return familyMaxLength; }
    /** @return the fewest copies a family asks for. */
    public int copiesMin() { return copiesMin; }
    /** @return the most copies a family asks for. */
    public int copiesMax() { return copiesMax; }
    /**
     * @return the tail exponent of the copy numbers drawn for the families: 0 for log-uniform in
     *         the range, else a power law truncated to it
     */
    public double copiesTail() { return copiesTail; }
    /**
     * @return the share of the genome the interspersed copies are expected to fill (the drawn
     *         families' copy numbers are scaled together to reach it), or 0 to plant the copy
     *         numbers as drawn
     */
    public double repeatFraction() { return repeatFraction; }
    /** @return interspersed families planted besides the drawn ones, each with a set length and copy number. */
    public List<GiantFamily> giants() { return giants; }
    /** @return the largest divergence of a family and of any copy (events per consensus base). */
    public double maxDivergence() { return maxDivergence; }
    /** @return the share of copies that are 5'-truncated (LINEs more, see the planner). */
    public double truncated() { return truncated; }
    /** @return the share of LINE copies that are 5'-truncated, or NaN for two chances of {@link #truncated()}. */
    public double lineTruncated() { return lineTruncated; }
    /** @return the share of copies inserted into an older copy. */
    public double nested() { return nested; }
    /** @return the share of families that are LTR retrotransposons. */
    public double ltr() { return ltr; }
    /** @return the share of families that are DNA transposons (terminal inverted repeats). */
    public double tir() { return tir; }
    /** @return the share of families that are LINEs. */
    public double line() { return line; }
    /** @return the share of families that are SINEs. */
    public double sine() { return sine; }
    /** @return the number of satellite arrays. */
    public int satellites() { return satellites; }
    /** @return the number of low-complexity stretches. */
    public int lowComplexity() { return lowComplexity; }
    /** @return bases per FASTA line. */
    public int fastaLine() { return fastaLine; }
    /** @return whether planted pieces are written in lower case. */
    public boolean softMaskTruth() { return softMaskTruth; }

    /** Mutable builder holding the defaults until changed. */
    public static final class Builder {
        private long seed = 1;
        private long length = 20_000_000L;
        private int contigs = 40;
        private long[] contigSizes;
        private String[] contigNames;
        private double gc = 0.41;
        private int families = 80;
        private int familyMinLength = 100;
        private int familyMaxLength = 8000;
        private int copiesMin = 3;
        private int copiesMax = 300;
        private double copiesTail;
        private double repeatFraction;
        private List<GiantFamily> giants = List.of();
        private double maxDivergence = 0.20;
        private double truncated = 0.3;
        private double lineTruncated = Double.NaN;
        private double nested = 0.1;
        private double ltr = 0.25;
        private double tir = 0.20;
        private double line = 0.15;
        private double sine = 0.10;
        private int satellites = 20;
        private int lowComplexity = 50;
        private int fastaLine = 60;
        private boolean softMaskTruth;

        private long familyMin = familyMinLength;
        private long familyMax = familyMaxLength;
        private long copyMin = copiesMin;
        private long copyMax = copiesMax;

        public Builder seed(long v) { seed = v; return this; }
        public Builder length(long v) { length = v; return this; }
        public Builder contigs(int v) { contigs = v; return this; }
        /** Explicit contig sizes; overrides {@link #length} and {@link #contigs}; null to draw them. */
        public Builder contigSizes(long... v) { contigSizes = v == null ? null : v.clone(); return this; }
        /** Names of the contigs given by {@link #contigSizes}, one each; null for {@code chr1}, {@code chr2}... */
        public Builder contigNames(String... v) { contigNames = v == null ? null : v.clone(); return this; }
        public Builder gc(double v) { gc = v; return this; }
        public Builder families(int v) { families = v; return this; }
        public Builder familyLength(long min, long max) { familyMin = min; familyMax = max; return this; }
        public Builder copies(long min, long max) { copyMin = min; copyMax = max; return this; }
        public Builder copiesTail(double v) { copiesTail = v; return this; }
        public Builder repeatFraction(double v) { repeatFraction = v; return this; }
        public Builder giants(List<GiantFamily> v) { giants = List.copyOf(v); return this; }
        public Builder maxDivergence(double v) { maxDivergence = v; return this; }
        public Builder truncated(double v) { truncated = v; return this; }
        public Builder lineTruncated(double v) { lineTruncated = v; return this; }
        public Builder nested(double v) { nested = v; return this; }
        public Builder ltr(double v) { ltr = v; return this; }
        public Builder tir(double v) { tir = v; return this; }
        public Builder line(double v) { line = v; return this; }
        public Builder sine(double v) { sine = v; return this; }
        public Builder satellites(int v) { satellites = v; return this; }
        public Builder lowComplexity(int v) { lowComplexity = v; return this; }
        public Builder fastaLine(int v) { fastaLine = v; return this; }
        public Builder softMaskTruth(boolean v) { softMaskTruth = v; return this; }

        /**
         * @return the parameters
         * @throws IllegalArgumentException naming the option and the value when one is out of range
         */
        public SimulationParameters build() {
            if (contigSizes == null) {
                require(contigs >= 1 && contigs <= 1_000_000, "--contigs must be between 1 and 1000000 (got " + contigs + ")");
                require(length >= 1000 && length <= MAX_GENOME,
                        "--length must be between 1k and 1000G bases (got " + length + ")");
                require(length >= 1000L * contigs, "--length must give each of the " + contigs
                        + " contigs at least 1k bases (got " + length + "; lower --contigs or raise --length)");
            } else {
                require(contigSizes.length >= 1 && contigSizes.length <= 1_000_000,
                        "--contig-sizes must list between 1 and 1000000 contigs (got " + contigSizes.length + ")");
                long sum = 0;
                for (long s : contigSizes) {
                    require(s >= 1 && s <= MAX_GENOME, "--contig-sizes: every size must be between 1 and 1000G bases (got " + s + ")");
                    sum += s;
                    require(sum <= MAX_GENOME, "--contig-sizes must add up to at most 1000G bases");
                }
            }
            if (contigNames != null) {
                require(contigSizes != null && contigNames.length == contigSizes.length,
                        "contig names need contig sizes, one name each");
                Set<String> seen = new HashSet<>();
                for (String name : contigNames) {
                    require(name != null && !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace)
                            && seen.add(name), "contig names must be distinct words (got '" + name + "')");
                }
            }
            require(gc >= 0.05 && gc <= 0.95, "--gc must be between 0.05 and 0.95 (got " + fmt(gc) + ")");
            require(families >= 0 && families <= 100_000, "--families must be between 0 and 100000 (got " + families + ")");
            require(familyMin >= 50 && familyMax <= 100_000 && familyMin <= familyMax,
                    "--family-length must be MIN-MAX with 50 <= MIN <= MAX <= 100000 (got " + familyMin + "-" + familyMax + ")");
            require(copyMin >= 1 && copyMax <= 1_000_000 && copyMin <= copyMax,
                    "--copies must be MIN-MAX with 1 <= MIN <= MAX <= 1000000 (got " + copyMin + "-" + copyMax + ")");
            require(copiesTail >= 0 && copiesTail <= 10, "the copy-number tail must be between 0 and 10 (got "
                    + fmt(copiesTail) + ")");
            require(repeatFraction >= 0 && repeatFraction <= SimulationPlanner.REPEAT_BUDGET,
                    "the repeat fraction must be between 0 and " + SimulationPlanner.REPEAT_BUDGET + " (got "
                    + fmt(repeatFraction) + ")");
            long giantCopies = 0;
            for (GiantFamily g : giants) {
                require(g.repeatClass().interspersed() && g.length() >= 50 && g.length() <= 100_000 && g.copies() >= 1
                        && g.copies() <= MAX_COPIES && g.divergence() >= 0 && g.divergence() <= 0.5,
                        "bad giant family " + g);
                giantCopies += g.copies();
            }
            require((long) families * copyMax + giantCopies <= MAX_COPIES, "--families x the largest --copies "
                    + (giants.isEmpty() ? "" : "(plus the preset's giant families' copies) ") + "must be at most "
                    + MAX_COPIES + " (got " + families + " x " + copyMax
                    + (giants.isEmpty() ? "" : " + " + giantCopies) + ")");
            require(maxDivergence >= 0 && maxDivergence <= 0.5,
                    "--max-divergence must be between 0 and 0.5 (got " + fmt(maxDivergence) + ")");
            requireFraction(truncated, "--truncated");
            require(Double.isNaN(lineTruncated) || lineTruncated >= 0 && lineTruncated <= 1,
                    "the LINE truncation share must be between 0 and 1 (got " + fmt(lineTruncated) + ")");
            requireFraction(nested, "--nested");
            requireFraction(ltr, "--ltr");
            requireFraction(tir, "--tir");
            requireFraction(line, "--line");
            requireFraction(sine, "--sine");
            require(ltr + tir + line + sine <= 1 + 1e-9, "--ltr + --tir + --line + --sine must be at most 1 (got "
                    + fmt(ltr + tir + line + sine) + ")");
            require(satellites >= 0 && satellites <= 100_000, "--satellites must be between 0 and 100000 (got " + satellites + ")");
            require(lowComplexity >= 0 && lowComplexity <= 10_000_000,
                    "--low-complexity must be between 0 and 10000000 (got " + lowComplexity + ")");
            require(fastaLine >= 10 && fastaLine <= 1000, "--fasta-line must be between 10 and 1000 (got " + fastaLine + ")");
            familyMinLength = (int) familyMin;
            familyMaxLength = (int) familyMax;
            copiesMin = (int) copyMin;
            copiesMax = (int) copyMax;
            return new SimulationParameters(this);
        }

        private static void requireFraction(double v, String option) {
            require(v >= 0 && v <= 1, option + " must be between 0 and 1 (got " + fmt(v) + ")");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%s", v);
        }
    }
}
