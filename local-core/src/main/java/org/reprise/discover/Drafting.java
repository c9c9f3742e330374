package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.Extension;
import org.reprise.extend.SeedCopies;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;

/**
 * How a draft is made, for every driver: extend right and left over the seed's copies, then align
 * the consensus to every copy for its element. The copies are read from {@code reads} (the whole
 * genome locally, the flanks cut around the copies on Spark); the draft records the copies'
 * genome positions.
 */
public final class Drafting {
    private final Parameters params;

    public Drafting(Parameters params) {
        this.params = params;
    }

    /** A draft on this thread; {@code extender} and {@code aligner} are this thread's. */
    public Draft draft(SeedCopies reads, long[] forward, long[] reverse, ConsensusExtender extender,
                       ElementAligner aligner) {
        Extension right = extender.extend(reads, true);
        Extension left = extender.extend(reads, false);
        return withSides(reads, forward, reverse, right, left, aligner);
    }

    /** The draft of sides already extended over {@code reads}: every copy's element aligned. */
    public Draft withSides(SeedCopies reads, long[] forward, long[] reverse, Extension right, Extension left,
                           ElementAligner aligner) {
        return new Draft(right, left, alignEach(reads, aligner, right, left), forward, reverse);
    }

    /**
     * A draft with its two sides extended on two workers and its elements aligned in pieces on all
     * of them (the same draft as {@link #draft}), for families with many copies.
     */
    public Draft draftSplit(SeedCopies reads, long[] forward, long[] reverse, Workers workers) {
        Extension[] sides = new Extension[2];
        // The two sides are independent (REPrise runs them at once too).
        workers.both(() -> sides[0] = new ConsensusExtender(params).extend(reads, true),
                () -> sides[1] = new ConsensusExtender(params).extend(reads, false));
        int n = reads.size();
        long[] ends = new long[2 * n];
        int pieces = Math.max(1, Math.min(n / 32, 4 * workers.threads()));
        workers.map(pieces, piece -> {
            ElementAligner own = new ElementAligner(params);
            for (int i = n * piece / pieces, to = n * (piece + 1) / pieces; i < to; i++) {
                long[] e = own.align(reads, i, sides[0], sides[1]);
                ends[2 * i] = e[0];
                ends[2 * i + 1] = e[1];
            }
            return null;
        });
        return new Draft(sides[0], sides[1], ends, forward, reverse);
    }

    private static long[] alignEach(SeedCopies reads, ElementAligner aligner, Extension right, Extension left) {
        long[] ends = new long[2 * reads.size()];
        for (int i = 0; i < reads.size(); i++) {
            long[] e = aligner.align(reads, i, right, left);
            ends[2 * i] = e[0];
            ends[2 * i + 1] = e[1];
        }
        return ends;
    }
}
