package org.reprise.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plans a simulated genome: contig sizes, families with their structures, every copy (its part of
 * the consensus, strand, divergence, target-site duplication, host if nested), where each lies,
 * and the truth pieces, all before a base is written and in memory that grows with the copies,
 * not the genome.
 *
 * <p>The steps, each with its own random stream ({@link Seeds}):
 * <ol>
 * <li>contig sizes, drawn log-normal around length / contigs (at least 1 kb each) unless given;</li>
 * <li>families: class from the mix, consensus and structure, an age (divergence up to the maximum),
 *     a copy number log-uniform in the range (or from a power law, {@link SimulationParameters#copiesTail()});
 *     then the giant families, if any, with their set lengths, ages and copy numbers; satellites
 *     (a 5-500 base unit in a 2-50 kb array) and low-complexity stretches ((A)n, (CA)n, AT-rich;
 *     100-2,000 bases), as many of them as fit in {@value #TANDEM_BUDGET} of the genome;</li>
 * <li>with a {@link SimulationParameters#repeatFraction()}, the drawn families' copy numbers are
 *     scaled by one factor so that the expected interspersed bases reach it; then, if the planted
 *     bases would pass {@value #REPEAT_BUDGET} of the genome, every copy number is scaled down
 *     (each noted in {@link GenomePlan#notes()});</li>
 * <li>copies, oldest family first: each either lands in the background or, with the nested share,
 *     inside a copy planted before it (so an older one), chosen with probability proportional to
 *     its length, at a random offset (unless the nest would pass a quarter of the longest contig);</li>
 * <li>copies cut by contig ends: each contig end has a chance of {@value #CONTIG_END_CUT_CHANCE}
 *     (at least one start and one end in the genome), the contig holding 20-80% of the copy;</li>
 * <li>every top-level piece (a copy with the copies nested in it, a satellite, a low-complexity
 *     stretch) goes to a contig drawn by length, or to the one with most room when it does not fit
 *     in {@value #CONTIG_FILL} of the contig; what fits nowhere is left out (noted);</li>
 * <li>on each contig, the pieces take uniform positions in the background, at least
 *     {@value #MARGIN} background bases from either end, in random order; the contig is then laid
 *     out as segments and truth pieces with exact long coordinates.</li>
 * </ol>
 */
public final class SimulationPlanner {
    /** Share of an LTR family's copies that are solo LTRs. */
    static final double SOLO_LTR_SHARE = 0.25;
    /** Most of the genome the planted pieces are allowed to fill before copy numbers are scaled. */
    static final double REPEAT_BUDGET = 0.6;
    /** Most of the genome that satellites and low-complexity stretches may fill. */
    static final double TANDEM_BUDGET = 0.1;
    /** Most of a contig (besides the pieces cut by its ends) that planted pieces may fill. */
    static final double CONTIG_FILL = 0.9;
    /** Background bases kept before the first and after the last insertion (more than any TSD). */
    static final int MARGIN = 64;
    /** Chance that a contig's start, and its end, cuts a copy. */
    static final double CONTIG_END_CUT_CHANCE = 0.25;
    /** Standard deviation of the logarithm of drawn contig sizes. */
    static final double CONTIG_SIZE_SIGMA = 0.5;
    static final int MIN_DRAWN_CONTIG = 1000;
    /** Copy divergence: the family's, times 1 + this times a standard normal, within [0, max]. */
    static final double COPY_DIVERGENCE_SPREAD = 0.3;

    private SimulationPlanner() {
    }

    /**
     * @param p the parameters
     * @return the plan; the same parameters give the same plan
     */
    public static GenomePlan plan(SimulationParameters p) {
        return new Run(p).plan();
    }

    /**
     * The families and their copy numbers as the planner would plant them, without drawing a copy:
     * cheap at any genome size.
     *
     * @param families    every family, as {@link GenomePlan#families()} lists them
     * @param copyNumbers copies of each interspersed family (the first {@code copyNumbers.length}
     *                    families), scaled as in the plan; copies cut by contig ends come on top
     */
    record Design(List<RepeatFamily> families, int[] copyNumbers) {
    }

    /**
     * @param p the parameters
     * @return the families and copy numbers {@link #plan} would start from with them
     */
    static Design design(SimulationParameters p) {
        return new Run(p).design();
    }

    /**
     * @param p the parameters
     * @return the contig sizes: the given ones, or drawn log-normal around length / contigs, each at
     *         least 1 kb, adding up to the length exactly
     */
    static long[] contigSizes(SimulationParameters p) {
        if (p.contigSizes() != null) {
            return p.contigSizes();
        }
        int n = p.contigs();
        SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.CONTIG_SIZES, 0));
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = StrictMath.exp(CONTIG_SIZE_SIGMA * Draws.gaussian(rng));
            sum += w[i];
        }
        long[] sizes = new long[n];
        long total = 0;
        int largest = 0;
        for (int i = 0; i < n; i++) {
            sizes[i] = Math.max(MIN_DRAWN_CONTIG, (long) StrictMath.floor(p.length() * (w[i] / sum)));
            total += sizes[i];
            if (sizes[i] > sizes[largest]) {
                largest = i;
            }
        }
        long diff = p.length() - total;
        if (diff > 0) {
            sizes[largest] += diff;
        }
        // Too long because of the 1 kb floor: take the excess from contigs above the floor. The
        // parameters guarantee length >= 1 kb x contigs, so there is always enough above it.
        for (int i = 0; i < n && diff < 0; i++) {
            long take = Math.min(-diff, sizes[i] - MIN_DRAWN_CONTIG);
            sizes[i] -= take;
            diff += take;
        }
        return sizes;
    }

    /**
     * @return the chance that a copy of this class is 5'-truncated: LINEs get two chances, unless
     *         their own share is set
     */
    static double truncationChance(RepeatClass c, SimulationParameters p) {
        if (c != RepeatClass.LINE) {
            return p.truncated();
        }
        return Double.isNaN(p.lineTruncated()) ? 1 - (1 - p.truncated()) * (1 - p.truncated()) : p.lineTruncated();
    }

    /** A copy while it is planned: mutable, linked to its host and nested copies. */
    private static final class Draft {
        final int family;
        final boolean reverse;
        final int from;
        final int to;
        final double rate;
        final long seed;
        final int length;
        final int events;
        final boolean solo;
        final boolean truncated5;
        int tsd;
        PlantedCopy.ContigEnd cut = PlantedCopy.ContigEnd.NONE;
        /** Bases of the copy inside the contig, for a copy cut by a contig end. */
        int keep;
        Draft host;
        /** The top-level copy of the nest it belongs to (itself when it is not nested). */
        Draft root = this;
        /** For a root: bases its nest takes in the contig (itself, the copies nested in it, their TSDs). */
        long nestFootprint;
        int hostOffset;
        List<Draft> children;
        boolean dropped;
        int id;
        int contig = -1;
        long start;
        long end;

        Draft(int family, boolean reverse, int from, int to, double rate, long seed, int tsd, boolean solo,
                boolean truncated5, Mutation.Result made) {
            this.family = family;
            this.reverse = reverse;
            this.from = from;
            this.to = to;
            this.rate = rate;
            this.seed = seed;
            this.tsd = tsd;
            this.solo = solo;
            this.truncated5 = truncated5;
            this.length = made.bases().length;
            this.events = made.events();
            this.nestFootprint = length + (long) tsd;
        }

        void drop() {
            dropped = true;
            if (children != null) {
                for (Draft c : children) {
                    c.drop();
                }
            }
        }

        PlantedCopy freeze() {
            int sourceLength = Math.max(1, to - from);
            return new PlantedCopy(id, family, reverse, from, to, rate, seed, length, (double) events / sourceLength,
                    tsd, solo, truncated5, cut, host == null ? 0 : host.id, contig, start, end);
        }
    }

    /** One planning run: the state shared by the steps. */
    private static final class Run {
        private final SimulationParameters p;
        private final List<RepeatFamily> families = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Draft> topLevel = new ArrayList<>();
        private final List<Draft> tandem = new ArrayList<>();
        private final List<Draft> planted = new ArrayList<>();
        private long[] sizes;
        private Draft[] cutAtStart;
        private Draft[] cutAtEnd;
        // Copies that may host a nested one, with the running sum of their lengths (to draw a host
        // with probability proportional to its length by binary search).
        private Draft[] hosts = new Draft[64];
        private long[] hostLengthSums = new long[64];
        private int hostCount;

        Run(SimulationParameters p) {
            this.p = p;
        }

        Design design() {
            sizes = contigSizes(p);
            int[] copyNumbers = designFamilies();
            designTandemPieces();
            scaleCopyNumbers(copyNumbers);
            return new Design(List.copyOf(families), copyNumbers);
        }

        GenomePlan plan() {
            int[] copyNumbers = design().copyNumbers();
            plantCopies(copyNumbers);
            planContigEndCuts(copyNumbers);
            List<List<Draft>> perContig = assignContigs();
            return layOut(perContig);
        }

        // ---- families ----------------------------------------------------------------------

        /**
         * The drawn families, then the giant ones (numbered on after them, each from its own stream
         * too); returns their copy numbers, index for index.
         */
        private int[] designFamilies() {
            int n = p.families();
            List<GiantFamily> giants = p.giants();
            RepeatClass[] classes = classMix(n);
            int width = Math.max(3, Integer.toString(n + giants.size()).length());
            int[] copyNumbers = new int[n + giants.size()];
            for (int i = 0; i < n; i++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.FAMILY, i));
                String name = "fam" + pad(i + 1, width);
                families.add(designFamily(name, classes[i], rng, 0, Double.NaN));
                copyNumbers[i] = p.copiesTail() > 0
                        ? Draws.paretoInt(rng, p.copiesMin(), p.copiesMax(), p.copiesTail())
                        : Draws.logUniformInt(rng, p.copiesMin(), p.copiesMax());
            }
            for (int g = 0; g < giants.size(); g++) {
                GiantFamily giant = giants.get(g);
                SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.FAMILY, n + g));
                String name = "fam" + pad(n + g + 1, width);
                families.add(designFamily(name, giant.repeatClass(), rng, giant.length(), giant.divergence()));
                copyNumbers[n + g] = giant.copies();
            }
            return copyNumbers;
        }

        /** The class of each family: exact shares of the mix (rounded), in a shuffled order. */
        private RepeatClass[] classMix(int n) {
            double[] bounds = {p.ltr(), p.ltr() + p.tir(), p.ltr() + p.tir() + p.line(),
                p.ltr() + p.tir() + p.line() + p.sine()};
            RepeatClass[] order = {RepeatClass.LTR, RepeatClass.DNA, RepeatClass.LINE, RepeatClass.SINE};
            int[] pick = new int[n];
            for (int i = 0; i < n; i++) {
                double x = (i + 0.5) / n;
                int k = 0;
                while (k < bounds.length && x >= bounds[k]) {
                    k++;
                }
                pick[i] = k;
            }
            Draws.shuffle(new SplittableRandom(Seeds.derive(p.seed(), Seeds.CLASS_MIX, 0)), pick);
            RepeatClass[] classes = new RepeatClass[n];
            for (int i = 0; i < n; i++) {
                classes[i] = pick[i] < order.length ? order[pick[i]] : RepeatClass.UNKNOWN;
            }
            return classes;
        }

        /**
         * A family's consensus, structure and age: drawn, or with {@code length > 0} of that
         * length, and with a divergence that is not NaN of that age (held within the maximum).
         */
        private RepeatFamily designFamily(String name, RepeatClass c, SplittableRandom rng, int length,
                double age) {
            BaseSource bases = new BaseSource(p.gc(), rng.nextLong());
            int ltr = 0;
            int tir = 0;
            int polyA = 0;
            byte[] consensus;
            int tsdMin;
            int tsdMax;
            switch (c) {
                case LTR -> {
                    int total = length > 0 ? length : drawLength(rng, 3000, 8000);
                    ltr = Math.max(1, Math.min(Draws.uniformInt(rng, 150, 800), (total - 2) / 3));
                    byte[] terminal = bases.next(ltr);
                    if (ltr >= 4) { // LTRs start with TG and end with CA
                        terminal[0] = 'T';
                        terminal[1] = 'G';
                        terminal[ltr - 2] = 'C';
                        terminal[ltr - 1] = 'A';
                    }
                    consensus = concat(terminal, bases.next(total - 2 * ltr), terminal);
                    tsdMin = tsdMax = Draws.uniformInt(rng, c.tsdMin(), c.tsdMax());
                }
                case DNA -> {
                    int total = length > 0 ? length : drawLength(rng, 200, 3000);
                    tir = Math.max(1, Math.min(Draws.uniformInt(rng, 20, 300), (total - 1) / 3));
                    byte[] left = bases.next(tir);
                    consensus = concat(left, bases.next(total - 2 * tir), Dna.reverseComplement(left));
                    tsdMin = tsdMax = Draws.uniformInt(rng, c.tsdMin(), c.tsdMax());
                }
                case LINE, SINE -> {
                    int total = length > 0 ? length
                            : c == RepeatClass.LINE ? drawLength(rng, 4000, 7000) : drawLength(rng, 100, 500);
                    polyA = Math.min(Draws.uniformInt(rng, 10, 40), total / 4);
                    byte[] tail = new byte[polyA];
                    Arrays.fill(tail, (byte) 'A');
                    consensus = concat(bases.next(total - polyA), tail);
                    tsdMin = c.tsdMin(); // drawn for each copy: LINE and SINE TSDs vary
                    tsdMax = c.tsdMax();
                }
                default -> {
                    consensus = bases.next(length > 0 ? length
                            : drawLength(rng, p.familyMinLength(), p.familyMaxLength()));
                    tsdMin = tsdMax = Draws.uniformInt(rng, c.tsdMin(), c.tsdMax());
                }
            }
            double divergence = Double.isNaN(age) ? p.maxDivergence() * rng.nextDouble()
                    : Math.min(p.maxDivergence(), age);
            return new RepeatFamily(name, c, consensus, ltr, tir, polyA, tsdMin, tsdMax, divergence);
        }

        /** A length log-uniform in the class's usual range, both ends held within --family-length. */
        private int drawLength(SplittableRandom rng, int lo, int hi) {
            int a = Math.max(p.familyMinLength(), Math.min(p.familyMaxLength(), lo));
            int b = Math.max(p.familyMinLength(), Math.min(p.familyMaxLength(), hi));
            return Draws.logUniformInt(rng, a, b);
        }

        /**
         * Satellites, then low-complexity stretches, each drawn from its own stream. Together they
         * take at most {@value #TANDEM_BUDGET} of the genome: one that would pass it is not planted
         * (the next, shorter ones may be), so a small genome keeps room for the interspersed
         * families and every planted piece keeps its documented length range.
         */
        private void designTandemPieces() {
            double budget = TANDEM_BUDGET * genomeLength();
            double used = 0;
            int n = p.satellites();
            int width = Math.max(3, Integer.toString(n).length());
            int planted = 0;
            for (int s = 0; s < n; s++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.SATELLITE, s));
                int unitLength = Draws.logUniformInt(rng, 5, 500);
                byte[] unit = new BaseSource(p.gc(), rng.nextLong()).next(unitLength);
                double rate = Math.min(p.maxDivergence(), Draws.uniform(rng, 0.01, 0.05));
                int arrayLength = Draws.logUniformInt(rng, 2000, 50_000);
                if (used + arrayLength > budget) {
                    continue;
                }
                used += arrayLength;
                planted++;
                families.add(new RepeatFamily("sat" + pad(planted, width), RepeatClass.SATELLITE, unit, 0, 0, 0, 0, 0,
                        rate));
                tandem.add(tandemDraft(families.size() - 1, arrayLength, rate, rng));
            }
            int lowPlanted = 0;
            if (p.lowComplexity() > 0) {
                int first = families.size();
                double lowRate = Math.min(p.maxDivergence(), 0.02);
                families.add(new RepeatFamily("(A)n", RepeatClass.LOW_COMPLEXITY, new byte[] {'A'}, 0, 0, 0, 0, 0,
                        lowRate / 2));
                families.add(new RepeatFamily("(CA)n", RepeatClass.LOW_COMPLEXITY, new byte[] {'C', 'A'}, 0, 0, 0, 0, 0,
                        lowRate / 2));
                families.add(new RepeatFamily("AT_rich", RepeatClass.LOW_COMPLEXITY, new byte[0], 0, 0, 0, 0, 0, 0));
                for (int l = 0; l < p.lowComplexity(); l++) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.LOW_COMPLEXITY, l));
                    int kind = rng.nextInt(3);
                    int length = Draws.logUniformInt(rng, 100, 2000);
                    double rate = kind == 2 ? 0 : lowRate * rng.nextDouble();
                    if (used + length > budget) {
                        continue;
                    }
                    used += length;
                    lowPlanted++;
                    tandem.add(tandemDraft(first + kind, length, rate, rng));
                }
            }
            if (planted < n || lowPlanted < p.lowComplexity()) {
                notes.add(String.format(Locale.ROOT, "%d of %d satellites and %d of %d low-complexity stretches planted, "
                        + "so that they fill at most %.0f%% of the genome", planted, n, lowPlanted, p.lowComplexity(),
                        100 * TANDEM_BUDGET));
            }
        }

        private long genomeLength() {
            long genome = 0;
            for (long s : sizes) {
                genome += s;
            }
            return genome;
        }

        private Draft tandemDraft(int family, int length, double rate, SplittableRandom rng) {
            boolean reverse = rng.nextBoolean();
            long seed = rng.nextLong();
            Mutation.Result made = CopySequence.generate(families.get(family), 0, length, rate, seed, reverse);
            return new Draft(family, reverse, 0, length, rate, seed, 0, false, false, made);
        }

        // ---- copy numbers -------------------------------------------------------------------

        /**
         * Scales the drawn families' copy numbers towards the repeat fraction, if one is asked for;
         * then every copy number down when the expected planted bases would overfill the genome.
         */
        private void scaleCopyNumbers(int[] copyNumbers) {
            if (p.repeatFraction() > 0) {
                fitRepeatFraction(copyNumbers);
            }
            long genome = genomeLength();
            double tandemBases = 0;
            for (Draft d : tandem) {
                tandemBases += d.length;
            }
            double expected = 0;
            for (int f = 0; f < copyNumbers.length; f++) {
                expected += copyNumbers[f] * expectedCopyLength(families.get(f));
            }
            double budget = REPEAT_BUDGET * genome - tandemBases;
            if (expected <= budget || expected == 0) {
                return;
            }
            double scale = Math.max(0, budget) / expected;
            for (int f = 0; f < copyNumbers.length; f++) {
                copyNumbers[f] = Math.max(1, (int) StrictMath.floor(copyNumbers[f] * scale));
            }
            notes.add(String.format(Locale.ROOT, "copy numbers scaled by %.3f so that planted repeats fill at most "
                    + "%.0f%% of the genome (expected %,.0f bases of interspersed copies and %,.0f of tandem and "
                    + "low-complexity pieces in %,d)", scale, 100 * REPEAT_BUDGET, expected, tandemBases, genome));
        }

        /**
         * Multiplies the drawn families' copy numbers by one factor, each rounded and held within
         * --copies, so that the expected bases of all interspersed copies (the giants' as they are)
         * come as close to the repeat fraction of the genome as whole copies allow, from below
         * unless even the fewest copies pass it. The draws give the shape (which families are large),
         * the factor the total: with a heavy tail the total would otherwise hang on the few largest
         * draws. The expected bases grow with the factor, so bisection finds it.
         */
        private void fitRepeatFraction(int[] copyNumbers) {
            int n = p.families();
            double target = p.repeatFraction() * genomeLength();
            for (int f = n; f < copyNumbers.length; f++) {
                target -= copyNumbers[f] * expectedCopyLength(families.get(f));
            }
            if (n == 0) {
                return;
            }
            int[] drawn = Arrays.copyOf(copyNumbers, n);
            double[] lengths = new double[n];
            for (int f = 0; f < n; f++) {
                lengths[f] = expectedCopyLength(families.get(f));
            }
            // At factor copiesMax every drawn number (at least 1) is at the maximum.
            double lo = 0;
            double hi = p.copiesMax();
            if (expectedBases(drawn, lengths, hi) <= target) {
                lo = hi;
            } else if (expectedBases(drawn, lengths, lo) <= target) {
                // Invariant: expected bases at lo <= target < at hi.
                for (int i = 0; i < 100; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (expectedBases(drawn, lengths, mid) <= target) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
            }
            for (int f = 0; f < n; f++) {
                copyNumbers[f] = scaledCopies(drawn[f], lo);
            }
            notes.add(String.format(Locale.ROOT, "copy numbers of the %d drawn families scaled by %.4f so that "
                    + "interspersed copies are expected to fill %.0f%% of the genome", n, lo,
                    100 * p.repeatFraction()));
        }

        private double expectedBases(int[] drawn, double[] lengths, double factor) {
            double sum = 0;
            for (int f = 0; f < drawn.length; f++) {
                sum += scaledCopies(drawn[f], factor) * lengths[f];
            }
            return sum;
        }

        private int scaledCopies(int drawn, double factor) {
            double v = StrictMath.floor(drawn * factor + 0.5);
            return (int) Math.max(p.copiesMin(), Math.min(p.copiesMax(), v));
        }

        private double expectedCopyLength(RepeatFamily f) {
            double keep = 1 - 0.5 * truncationChance(f.repeatClass(), p);
            if (f.repeatClass() == RepeatClass.LTR) {
                return (1 - SOLO_LTR_SHARE) * f.length() * keep + SOLO_LTR_SHARE * f.ltrLength();
            }
            return f.length() * keep;
        }

        // ---- copies -------------------------------------------------------------------------

        private void plantCopies(int[] copyNumbers) {
            long maxNest = 0;
            for (long size : sizes) {
                maxNest = Math.max(maxNest, size / 4);
            }
            Integer[] byAge = new Integer[copyNumbers.length];
            for (int i = 0; i < byAge.length; i++) {
                byAge[i] = i;
            }
            // Oldest (most diverged) first, so that a nested copy's host is older than it.
            Arrays.sort(byAge, (a, b) -> {
                int c = Double.compare(families.get(b).divergence(), families.get(a).divergence());
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int f : byAge) {
                for (int j = 0; j < copyNumbers[f]; j++) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.COPY, f, j));
                    Draft d = drawCopy(f, rng);
                    planted.add(d);
                    Draft host = hostCount > 0 && Draws.chance(rng, p.nested()) ? hosts[pickHost(rng)] : null;
                    // A nest must still fit on a contig: one that would grow past a quarter of the
                    // longest contig takes no more copies (they land in the background instead).
                    if (host != null && host.root.nestFootprint + d.length + d.tsd > maxNest) {
                        host = null;
                    }
                    if (host != null) {
                        d.host = host;
                        d.root = host.root;
                        d.root.nestFootprint += d.length + d.tsd;
                        d.hostOffset = 1 + rng.nextInt(host.length - 1);
                        if (host.children == null) {
                            host.children = new ArrayList<>(2);
                        }
                        host.children.add(d);
                    } else {
                        topLevel.add(d);
                    }
                    addHost(d);
                }
            }
        }

        /** One interspersed copy of family {@code f}: its part of the consensus, strand, divergence, TSD. */
        private Draft drawCopy(int f, SplittableRandom rng) {
            RepeatFamily fam = families.get(f);
            RepeatClass c = fam.repeatClass();
            boolean reverse = rng.nextBoolean();
            int length = fam.length();
            int from = 0;
            int to = length;
            boolean solo = c == RepeatClass.LTR && Draws.chance(rng, SOLO_LTR_SHARE);
            boolean truncated5 = false;
            if (solo) {
                to = fam.ltrLength();
            } else if (Draws.chance(rng, truncationChance(c, p)) && length > 30) {
                int keep = (int) StrictMath.round(length * Draws.uniform(rng, 0.05, 0.95));
                keep = Math.max(30, Math.min(length - 1, keep));
                from = length - keep;
                truncated5 = true;
            }
            double rate = fam.divergence() * (1 + COPY_DIVERGENCE_SPREAD * Draws.gaussian(rng));
            rate = Math.max(0, Math.min(p.maxDivergence(), rate));
            int tsd = Draws.uniformInt(rng, fam.tsdMin(), fam.tsdMax());
            long seed = rng.nextLong();
            Mutation.Result made = CopySequence.generate(fam, from, to, rate, seed, reverse);
            return new Draft(f, reverse, from, to, rate, seed, tsd, solo, truncated5, made);
        }

        private void addHost(Draft d) {
            if (d.length < 2) {
                return;
            }
            if (hostCount == hosts.length) {
                hosts = Arrays.copyOf(hosts, hostCount * 2);
                hostLengthSums = Arrays.copyOf(hostLengthSums, hostCount * 2);
            }
            hosts[hostCount] = d;
            hostLengthSums[hostCount] = (hostCount == 0 ? 0 : hostLengthSums[hostCount - 1]) + d.length;
            hostCount++;
        }

        /** A host index with probability proportional to the host's length. */
        private int pickHost(SplittableRandom rng) {
            long x = rng.nextLong(hostLengthSums[hostCount - 1]);
            int i = Arrays.binarySearch(hostLengthSums, 0, hostCount, x);
            // sums[i] is the end (exclusive) of host i's share: x == sums[i] belongs to i + 1
            return i >= 0 ? i + 1 : -i - 1;
        }

        // ---- contig ends --------------------------------------------------------------------

        private void planContigEndCuts(int[] copyNumbers) {
            int n = sizes.length;
            cutAtStart = new Draft[n];
            cutAtEnd = new Draft[n];
            long[] weights = new long[copyNumbers.length];
            long total = 0;
            for (int f = 0; f < copyNumbers.length; f++) {
                total += copyNumbers[f];
                weights[f] = total;
            }
            if (total == 0) {
                return;
            }
            boolean[][] chosen = new boolean[n][2];
            boolean any = false;
            for (int c = 0; c < n; c++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.CONTIG_ENDS, c));
                chosen[c][0] = Draws.chance(rng, CONTIG_END_CUT_CHANCE);
                chosen[c][1] = Draws.chance(rng, CONTIG_END_CUT_CHANCE);
                any |= chosen[c][0] || chosen[c][1];
            }
            if (!any) { // tests of copies across contig ends need material: one of each at least
                chosen[0][0] = true;
                chosen[n - 1][1] = true;
            }
            for (int c = 0; c < n; c++) {
                for (int side = 0; side < 2; side++) {
                    if (!chosen[c][side]) {
                        continue;
                    }
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.CONTIG_ENDS, c, side));
                    int i = Arrays.binarySearch(weights, rng.nextLong(total));
                    int f = i >= 0 ? i + 1 : -i - 1;
                    while (copyNumbers[f] == 0) {
                        f++;
                    }
                    Draft d = drawCopy(f, rng);
                    long keep = StrictMath.round(d.length * Draws.uniform(rng, 0.2, 0.8));
                    keep = Math.min(Math.min(keep, d.length - 1L), sizes[c] / 4);
                    if (keep < 1) {
                        continue;
                    }
                    d.keep = (int) keep;
                    d.tsd = 0; // the target site lies beyond the contig end
                    d.cut = side == 0 ? PlantedCopy.ContigEnd.CONTIG_START : PlantedCopy.ContigEnd.CONTIG_END;
                    planted.add(d);
                    if (side == 0) {
                        cutAtStart[c] = d;
                    } else {
                        cutAtEnd[c] = d;
                    }
                }
            }
        }

        // ---- contigs ------------------------------------------------------------------------

        /** Room left on each contig, kept in a max tree to find the roomiest one quickly. */
        private static final class Room {
            private final int leaves;
            private final long[] tree;

            Room(long[] room) {
                int l = 1;
                while (l < room.length) {
                    l <<= 1;
                }
                leaves = l;
                tree = new long[2 * l];
                Arrays.fill(tree, Long.MIN_VALUE);
                for (int i = 0; i < room.length; i++) {
                    tree[l + i] = room[i];
                }
                for (int i = l - 1; i >= 1; i--) {
                    tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
                }
            }

            long get(int c) {
                return tree[leaves + c];
            }

            void take(int c, long bases) {
                int i = leaves + c;
                tree[i] -= bases;
                for (i >>= 1; i >= 1; i >>= 1) {
                    tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
                }
            }

            /** @return the contig with most room (the first of equals). */
            int roomiest() {
                int i = 1;
                while (i < leaves) {
                    i = tree[2 * i] >= tree[2 * i + 1] ? 2 * i : 2 * i + 1;
                }
                return i - leaves;
            }
        }

        private List<List<Draft>> assignContigs() {
            int n = sizes.length;
            long[] room = new long[n];
            long[] byLength = new long[n];
            long sum = 0;
            for (int c = 0; c < n; c++) {
                long inner = sizes[c] - keep(cutAtStart[c]) - keep(cutAtEnd[c]);
                room[c] = (long) StrictMath.floor(CONTIG_FILL * inner) - 2L * MARGIN;
                sum += sizes[c];
                byLength[c] = sum;
            }
            Room rooms = new Room(room);
            List<List<Draft>> perContig = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                perContig.add(new ArrayList<>());
            }
            List<Draft> units = new ArrayList<>(topLevel);
            units.addAll(tandem);
            SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.ASSIGNMENT, 0));
            int left = 0;
            long leftBases = 0;
            for (Draft u : units) {
                long footprint = u.nestFootprint;
                int i = Arrays.binarySearch(byLength, rng.nextLong(sum));
                int c = i >= 0 ? i + 1 : -i - 1;
                if (rooms.get(c) < footprint) {
                    c = rooms.roomiest();
                }
                if (rooms.get(c) < footprint) {
                    u.drop();
                    left++;
                    leftBases += footprint;
                    continue;
                }
                rooms.take(c, footprint);
                perContig.get(c).add(u);
            }
            if (left > 0) {
                notes.add(String.format(Locale.ROOT, "%d planted pieces (%,d bases, with the copies nested in them) "
                        + "fitted on no contig and were left out", left, leftBases));
            }
            return perContig;
        }

        private static long keep(Draft d) {
            return d == null ? 0 : d.keep;
        }

        // ---- layout -------------------------------------------------------------------------

        private GenomePlan layOut(List<List<Draft>> perContig) {
            List<ContigPlan> contigs = new ArrayList<>(sizes.length);
            List<TruthPiece> pieces = new ArrayList<>();
            Layout layout = new Layout(pieces);
            String[] names = p.contigNames();
            for (int c = 0; c < sizes.length; c++) {
                ContigPlan plan = new ContigPlan(names == null ? "chr" + (c + 1) : names[c], sizes[c]);
                layout.contig(c, plan, perContig.get(c), cutAtStart[c], cutAtEnd[c], sizes[c]);
                contigs.add(plan);
            }
            PlantedCopy[] copies = new PlantedCopy[layout.nextId - 1];
            for (Draft d : planted) {
                if (d.id > 0) {
                    copies[d.id - 1] = d.freeze();
                }
            }
            for (Draft d : tandem) {
                if (d.id > 0) {
                    copies[d.id - 1] = d.freeze();
                }
            }
            return new GenomePlan(p, contigs, families, Arrays.asList(copies), pieces, notes);
        }

        /** Lays contigs out in genome order, numbering copies by their first base. */
        private final class Layout {
            private final List<TruthPiece> pieces;
            private ContigPlan plan;
            private int contig;
            private long pos;
            int nextId = 1;

            Layout(List<TruthPiece> pieces) {
                this.pieces = pieces;
            }

            void contig(int c, ContigPlan contigPlan, List<Draft> units, Draft atStart, Draft atEnd, long length) {
                plan = contigPlan;
                contig = c;
                pos = 0;
                if (atStart != null) {
                    begin(atStart);
                    piece(atStart, atStart.length - atStart.keep, atStart.length, 1, 1);
                    atStart.end = pos;
                }
                long used = 0;
                for (Draft u : units) {
                    used += u.nestFootprint;
                }
                long background = length - keep(atStart) - keep(atEnd) - used;
                if (!units.isEmpty()) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(p.seed(), Seeds.PLACEMENT, c));
                    Draft[] order = units.toArray(new Draft[0]);
                    for (int i = order.length - 1; i > 0; i--) {
                        int j = rng.nextInt(i + 1);
                        Draft t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                    }
                    // Uniform points in the background, sorted; the shuffle above decides which
                    // piece goes to which point.
                    long[] points = new long[order.length];
                    for (int i = 0; i < points.length; i++) {
                        points[i] = MARGIN + rng.nextLong(background - 2L * MARGIN + 1);
                    }
                    Arrays.sort(points);
                    long at = 0;
                    for (int i = 0; i < order.length; i++) {
                        background(points[i] - at);
                        at = points[i];
                        insert(order[i]);
                    }
                    background(background - at);
                } else {
                    background(background);
                }
                if (atEnd != null) {
                    begin(atEnd);
                    piece(atEnd, 0, atEnd.keep, 1, 1);
                    atEnd.end = pos;
                }
                if (pos != length) {
                    throw new IllegalStateException("layout of contig " + (c + 1) + " has " + pos + " bases, not " + length);
                }
            }

            private void begin(Draft d) {
                d.id = nextId++;
                d.contig = contig;
                d.start = pos;
            }

            private void background(long n) {
                if (n > 0) {
                    plan.add(ContigPlan.BACKGROUND, n);
                    pos += n;
                }
            }

            /** A copy with the copies nested in it, then its TSD. */
            private void insert(Draft d) {
                if (d.tsd > 0) {
                    plan.add(ContigPlan.SNAPSHOT, d.tsd);
                }
                begin(d);
                List<Draft> kids = d.children == null ? new ArrayList<>() : new ArrayList<>(d.children);
                kids.sort((a, b) -> Integer.compare(a.hostOffset, b.hostOffset)); // stable: planting order on ties
                int count = 1;
                for (int i = 0; i < kids.size(); i++) {
                    if (i == 0 || kids.get(i).hostOffset != kids.get(i - 1).hostOffset) {
                        count++;
                    }
                }
                int at = 0;
                int index = 1;
                for (Draft k : kids) {
                    if (k.hostOffset > at) {
                        piece(d, at, k.hostOffset, index++, count);
                        at = k.hostOffset;
                    }
                    insert(k);
                }
                piece(d, at, d.length, index, count);
                d.end = pos;
                if (d.tsd > 0) {
                    plan.add(ContigPlan.TSD, d.tsd);
                    pos += d.tsd;
                }
            }

            private void piece(Draft d, int from, int to, int index, int count) {
                plan.add(ContigPlan.PIECE, pieces.size());
                pieces.add(new TruthPiece(d.id, contig, pos, pos + (to - from), from, index, count));
                pos += to - from;
            }
        }
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] b : parts) {
            n += b.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
