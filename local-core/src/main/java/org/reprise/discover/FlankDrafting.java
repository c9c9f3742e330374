package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.Extension;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A draft made from the flanks of a seed's copies instead of the whole genome: each copy's flank,
 * the bases from {@code radius} before its k-mer to {@code radius} after it (less at a contig end),
 * is a contig of a small genome of its own. The draft is the whole genome's when the flanks reach
 * as far as the alignments read: a side's extension reads at most {@code lastStep + maxgap}
 * steps out, where {@code lastStep = min(maxextend - 1, bestStep + stopafter)}, and the element
 * alignment no further (docs/ALGORITHM.md). With a shorter radius the draft is refused (null)
 * when it might have read past the flanks. Used by the Spark rounds and by the partitioned
 * strategy's pass over thinly spread seeds.
 */
public final class FlankDrafting {
    private final Parameters params;
    private final int k;
    /** The run's parameters with the probe's stop ({@link #probe}), or null. */
    private final Parameters probeParams;

    public FlankDrafting(Parameters params, int k) {
        this.params = params;
        this.k = k;
        this.probeParams = params.stopAfter <= PROBE_STOP_AFTER ? null
                : params.toBuilder().stopAfter(PROBE_STOP_AFTER).build();
    }

    /** The radius that always suffices: maxextend + maxgap bases beyond the copy's k-mer each way. */
    public static int fullRadius(Parameters p) {
        return p.maxExtend + p.maxGap;
    }

    /**
     * @param flanks   copy i's flank codes (forward copies first, then reverse ones)
     * @param offsets  where copy i's k-mer starts in its flank
     * @param forward  the forward copies' genome positions (the draft's identity)
     * @param reverse  the reverse copies' genome positions
     * @param radius   how far the flanks were cut around each k-mer (a flank cut by a contig end is
     *                 shorter: that end is a real end in both genomes)
     * @return the draft, or null when a shorter radius than the full one might not have sufficed
     */
    public Draft draft(byte[][] flanks, int[] offsets, long[] forward, long[] reverse, int radius) {
        return draft(flanks, offsets, forward, reverse, radius, false);
    }

    /** {@link #draft(byte[][], int[], long[], long[], int)}, {@link #probed} first when {@code probe}. */
    public Draft draft(byte[][] flanks, int[] offsets, long[] forward, long[] reverse, int radius, boolean probe) {
        SeedCopies reads = reads(flanks, offsets, forward.length, forward.length + reverse.length);
        return probed(reads, forward, reverse, radius, probe ? probe() : null, new ConsensusExtender(params),
                new ElementAligner(params));
    }

    /**
     * The draft of copies read from flanks cut with {@code radius} ({@link #reads}), on this thread;
     * null when a shorter radius than the full one might not have sufficed.
     */
    public Draft draft(SeedCopies reads, long[] forward, long[] reverse, int radius, ConsensusExtender extender,
                       ElementAligner aligner) {
        Extension right = extender.extend(reads, true);
        Extension left = extender.extend(reads, false);
        if (radius < fullRadius(params) && !(fits(right, radius) && fits(left, radius))) {
            return null;
        }
        return new Drafting(params).withSides(reads, forward, reverse, right, left, aligner);
    }

    /** Steps without improvement after which a thin seed's probe stops ({@link #probed}). */
    public static final int PROBE_STOP_AFTER = 30;

    /**
     * An extender for a thin seed's probe (one a thread): the run's parameters with a stop after
     * {@link #PROBE_STOP_AFTER} steps without improvement; null when the run's own stop is no later.
     */
    public ConsensusExtender probe() {
        return probeParams == null ? null : new ConsensusExtender(probeParams);
    }

    /** A probe shorter than this (a third of minlength, rounded up) stands for the seed's draft. */
    static int probeLength(Parameters p) {
        return (p.minLength + 2) / 3;
    }

    /**
     * A thin seed's draft, probed first (the partitioned strategy's pass over seeds too thinly
     * spread for any partition, docs/ALGORITHM.md): both sides are extended by {@code probe}, which
     * stops after {@link #PROBE_STOP_AFTER} steps without improvement instead of stopafter's; when
     * the probe's consensus is shorter than a third of minlength, the probe's draft is the seed's
     * (it makes no family; its copies' alignments are masked as a failed draft's are), else the
     * seed is drafted in full ({@link #draft(SeedCopies, long[], long[], int, ConsensusExtender,
     * ElementAligner)}). Nearly all such seeds are chance k-mers whose copies disagree at once: the
     * full draft spends stopafter steps a side learning that. A seed whose copies agree only after
     * more than {@link #PROBE_STOP_AFTER} disagreeing steps is lost, a small family of few copies.
     *
     * @param probe an extender of {@link #probe}, or null to draft in full
     * @return the draft, or null when a shorter radius than the full one might not have sufficed
     */
    public Draft probed(SeedCopies reads, long[] forward, long[] reverse, int radius, ConsensusExtender probe,
                        ConsensusExtender extender, ElementAligner aligner) {
        Draft d = shortProbe(reads, forward, reverse, radius, probe, aligner);
        return d != null ? d : draft(reads, forward, reverse, radius, extender, aligner);
    }

    /**
     * {@link #probed}'s probe alone: its draft when it stands for the seed's, else null (the seed is
     * to be drafted in full; also when {@code probe} is null, or the radius may not have sufficed).
     */
    public Draft shortProbe(SeedCopies reads, long[] forward, long[] reverse, int radius, ConsensusExtender probe,
                            ElementAligner aligner) {
        if (probe == null) {
            return null;
        }
        Extension right = probe.extend(reads, true);
        Extension left = probe.extend(reads, false);
        boolean read = radius >= fullRadius(params)
                || (fits(right, radius, PROBE_STOP_AFTER) && fits(left, radius, PROBE_STOP_AFTER));
        return right.length() + left.length() < probeLength(params) && read
                ? new Drafting(params).withSides(reads, forward, reverse, right, left, aligner) : null;
    }

    /**
     * The copies as a small genome of their flanks, each flank a contig, copy i at {@code offsets[i]}
     * in flank i; the first {@code nForward} copies are forward ones.
     */
    public SeedCopies reads(byte[][] flanks, int[] offsets, int nForward, int copies) {
        int n = flanks.length;
        if (n != copies || offsets.length != n) {
            throw new IllegalArgumentException(n + " flanks for " + copies + " copies");
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("copy" + i);
        }
        Genome flankGenome = Genome.of("flanks", names, Arrays.asList(flanks));
        long[] positions = new long[n];
        boolean[] strand = new boolean[n];
        for (int i = 0; i < n; i++) {
            positions[i] = flankGenome.dictionary().contigStart(i) + offsets[i];
            strand[i] = i >= nForward;
        }
        return new SeedCopies(flankGenome, k, positions, strand);
    }

    /** Whether every base the side's alignments read lies within {@code radius} of the k-mer. */
    public boolean fits(Extension side, int radius) {
        return fits(side, radius, params.stopAfter);
    }

    private boolean fits(Extension side, int radius, int stopAfter) {
        long lastStep = Math.min(params.maxExtend - 1L, (long) side.bestStep() + stopAfter);
        return lastStep + params.maxGap + 1 <= radius;
    }
}
