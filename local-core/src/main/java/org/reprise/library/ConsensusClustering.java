package org.reprise.library;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.reprise.align.Alignment;
import org.reprise.align.PairwiseAligner;
import org.reprise.align.Scoring;
import org.reprise.align.Seeding;
import org.reprise.align.SequenceIndex;
import org.reprise.parallel.Workers;

/**
 * Greedy clustering of repeat consensi, as {@code cd-hit-est -c 0.8 -aS 0.8} does: sequences are
 * taken by support descending (a copy count, say), then length descending, then input order; each
 * joins the first representative, in that order, it matches on either strand (a local alignment
 * at identity &gt;= {@code minIdentity} covering &gt;= {@code minCoverage} of the shorter of the
 * two), or else becomes a representative itself.
 *
 * <p>Not quadratic: the representatives are held in a {@link SequenceIndex}, and a sequence is
 * aligned (banded, {@link PairwiseAligner}) only to the representatives with which it shares
 * enough k-mers for an alignment at the thresholds to be likely ({@link Seeding#minimumSeeds}
 * over {@code minCoverage} x the shorter length), in representative order, until one matches.
 *
 * <p>Threads: sequences are taken in blocks. Every sequence of a block is matched, in parallel,
 * against the representatives made before the block; those that match none are then matched,
 * in order on one thread, against the representatives made within the block, and become
 * representatives if they match none. The first representative a sequence matches is the same
 * whatever the block and the threads (earlier representatives are tried first in both steps), so
 * the result depends only on the input and the parameters.
 */
public final class ConsensusClustering {
    /** cd-hit-est's {@code -c 0.8 -aS 0.8}. */
    public static final double DEFAULT_IDENTITY = 0.80, DEFAULT_COVERAGE = 0.80;
    /** Sequences matched in parallel at a time: enough pieces to balance two to eight threads. */
    private static final int BLOCK = 256;

    private final double minIdentity;
    private final double minCoverage;
    private final Scoring scoring;
    private final Seeding seeding;

    /** Identity &gt;= 0.80 over &gt;= 0.80 of the shorter, blastn's scores, 11-mer seeds. */
    public ConsensusClustering() {
        this(DEFAULT_IDENTITY, DEFAULT_COVERAGE, Scoring.BLASTN, Seeding.DEFAULT);
    }

    /**
     * @param minIdentity lowest identity (matches over alignment columns) of a match, in (0, 1]
     * @param minCoverage lowest fraction of the shorter sequence a match covers, in (0, 1]
     * @throws IllegalArgumentException on a value out of range or a null
     */
    public ConsensusClustering(double minIdentity, double minCoverage, Scoring scoring, Seeding seeding) {
        if (!(minIdentity > 0 && minIdentity <= 1)) {
            throw new IllegalArgumentException("identity threshold must be in (0, 1], got " + minIdentity);
        }
        if (!(minCoverage > 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("coverage threshold must be in (0, 1], got " + minCoverage);
        }
        if (scoring == null || seeding == null) {
            throw new IllegalArgumentException("scoring and seeding must not be null");
        }
        this.minIdentity = minIdentity;
        this.minCoverage = minCoverage;
        this.scoring = scoring;
        this.seeding = seeding;
    }

    /** Whether an alignment is a match: identity and coverage of the shorter at the thresholds. */
    public boolean accepts(Alignment alignment) {
        return alignment.identity() >= minIdentity && alignment.coverageOfShorter() >= minCoverage;
    }

    /**
     * Clusters the sequences.
     *
     * @param sequences the sequences' codes (0..3 bases, anything else invalid); not modified, and
     *                  not to be modified while this runs
     * @param support   per sequence, its support (higher first); same length as sequences
     * @param workers   the threads to use; the result does not depend on their number
     * @return the clusters, sequences numbered by their index in {@code sequences}
     * @throws IllegalArgumentException on a null or when support's length differs
     */
    public ClusteringResult cluster(List<byte[]> sequences, long[] support, Workers workers) {
        if (sequences == null || support == null || workers == null) {
            throw new IllegalArgumentException("sequences, support and workers must not be null");
        }
        int n = sequences.size();
        if (support.length != n) {
            throw new IllegalArgumentException(support.length + " support values for " + n + " sequences");
        }
        for (int s = 0; s < n; s++) {
            if (sequences.get(s) == null) {
                throw new IllegalArgumentException("sequence " + s + " is null");
            }
        }
        int[] order = processingOrder(sequences, support);
        SequenceIndex index = new SequenceIndex(seeding);
        int[] clusterOfRep = new int[0];
        int[] clusterOf = new int[n];
        Alignment[] alignments = new Alignment[n];
        int clusters = 0;
        ThreadLocal<Matcher> matchers = ThreadLocal.withInitial(() -> new Matcher(index));
        for (int from = 0; from < n; from += BLOCK) {
            int blockStart = from;
            int blockSize = Math.min(BLOCK, n - from);
            int before = index.size();
            List<Match> found = before == 0 ? null
                    : workers.map(blockSize, t -> matchers.get().first(sequences.get(order[blockStart + t]), 0, before));
            Matcher local = matchers.get();
            for (int t = 0; t < blockSize; t++) {
                int s = order[blockStart + t];
                Match m = found == null ? null : found.get(t);
                if (m == null && index.size() > before) {
                    m = local.first(sequences.get(s), before, index.size());
                }
                if (m != null) {
                    clusterOf[s] = clusterOfRep[m.representative];
                    alignments[s] = m.alignment;
                } else {
                    int id = index.add(sequences.get(s));
                    if (id == clusterOfRep.length) {
                        clusterOfRep = Arrays.copyOf(clusterOfRep, Math.max(16, 2 * id));
                    }
                    clusterOfRep[id] = clusters;
                    clusterOf[s] = clusters++;
                }
            }
        }
        return new ClusteringResult(order, clusterOf, alignments);
    }

    /** Support descending, then length descending, then input order. */
    static int[] processingOrder(List<byte[]> sequences, long[] support) {
        Integer[] boxed = new Integer[sequences.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.<Integer>comparingLong(i -> -support[i])
                .thenComparingInt(i -> -sequences.get(i).length)
                .thenComparingInt(i -> i));
        int[] order = new int[boxed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private record Match(int representative, Alignment alignment) {
    }

    /** One thread's searcher and aligner. */
    private final class Matcher {
        private final SequenceIndex index;
        private final SequenceIndex.Searcher searcher;
        private final PairwiseAligner aligner = new PairwiseAligner(scoring, seeding);
        private final SequenceIndex.SeedThreshold threshold = (targetLength, queryLength) -> seeding.minimumSeeds(
                (int) Math.ceil(minCoverage * Math.min(targetLength, queryLength)), minIdentity);

        Matcher(SequenceIndex index) {
            this.index = index;
            this.searcher = index.searcher();
        }

        /** The first representative with id in [fromId, toId) the sequence matches, or null. */
        Match first(byte[] sequence, int fromId, int toId) {
            List<SequenceIndex.Candidate> candidates = searcher.candidates(sequence, fromId, toId, threshold);
            for (SequenceIndex.Candidate c : candidates) {
                Alignment a = aligner.align(index.sequence(c.id()), sequence, c.band());
                if (accepts(a)) {
                    return new Match(c.id(), a);
                }
            }
            return null;
        }
    }

    /** The identity threshold. */
    public double minIdentity() {
        return minIdentity;
    }

    /** The coverage threshold (of the shorter sequence). */
    public double minCoverage() {
        return minCoverage;
    }
}
