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

    public FlankDrafting(Parameters params, int k) {
        this.params = params;
        this.k = k;
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
        SeedCopies reads = reads(flanks, offsets, forward.length, forward.length + reverse.length);
        return draft(reads, forward, reverse, radius, new ConsensusExtender(params), new ElementAligner(params));
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
        long lastStep = Math.min(params.maxExtend - 1L, (long) side.bestStep() + params.stopAfter);
        return lastStep + params.maxGap + 1 <= radius;
    }
}
