package org.reprise.discover;

import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.Genome;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;

import java.util.Arrays;

/** Drafts over a genome held in memory: the copies read where they lie. */
public final class GenomeDrafts implements DraftMaker {
    private final Genome genome;
    private final int k;
    private final Drafting drafting;

    public GenomeDrafts(Genome genome, Parameters params, int k) {
        this.genome = genome;
        this.k = k;
        this.drafting = new Drafting(params);
    }

    @Override
    public Draft draft(long[] forward, long[] reverse, ConsensusExtender extender, ElementAligner aligner) {
        return drafting.draft(reads(genome, k, forward, reverse), forward, reverse, extender, aligner);
    }

    @Override
    public Draft draftSplit(long[] forward, long[] reverse, Workers workers) {
        return drafting.draftSplit(reads(genome, k, forward, reverse), forward, reverse, workers);
    }

    @Override
    public long genomeLength() {
        return genome.length();
    }

    /** A seed's copies, forward ones then reverse ones, read from a genome. */
    static SeedCopies reads(Genome genome, int k, long[] forward, long[] reverse) {
        long[] positions = new long[forward.length + reverse.length];
        boolean[] strand = new boolean[positions.length];
        System.arraycopy(forward, 0, positions, 0, forward.length);
        System.arraycopy(reverse, 0, positions, forward.length, reverse.length);
        Arrays.fill(strand, forward.length, positions.length, true);
        return new SeedCopies(genome, k, positions, strand);
    }
}
