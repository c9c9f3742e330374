package org.reprise.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.reprise.align.Alignment;
import org.reprise.align.Band;
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
 * two; {@link #accepts}), or else becomes a representative itself.
 *
 * <p>Not quadratic: the representatives are held in a {@link SequenceIndex}, and a sequence is
 * aligned (banded, {@link PairwiseAligner}, the representative as A) only to the representatives
 * with which it shares as many k-mers as an alignment at the thresholds would likely hold
 * ({@link Seeding#minimumSeeds} over at least {@code minCoverage} x the shorter length), in
 * representative order, until one matches; a band that could not cover {@code minCoverage} of
 * the shorter sequence is not aligned at all. A pair's alignment depends only on the two
 * sequences, never on what else is indexed.
 *
 * <p>Threads: sequences are taken in blocks of {@value #BLOCK}, in three steps.
 * <ol>
 *   <li>In parallel, each sequence of the block looks for the first representative made before
 *       the block that it matches.</li>
 *   <li>The sequences that found none are indexed on their own (in reverse order, so that the
 *       earlier ones a sequence may join are the newest postings of the index, where a search
 *       restricted to them stops early); in parallel, each looks for the first earlier one among
 *       them that it matches.</li>
 *   <li>In order, on one thread: a sequence whose first match (step 2) is a representative joins
 *       it; one whose first match joined another cluster looks further, among the later earlier
 *       ones (rare); one with no match becomes a representative.</li>
 * </ol>
 * Earlier representatives are tried first in every step, so each sequence joins the first
 * representative it matches, and the result depends only on the input and the parameters, not on
 * the threads or the block size.
 */
public final class ConsensusClustering {
    /** cd-hit-est's {@code -c 0.8 -aS 0.8}. */
    public static final double DEFAULT_IDENTITY = 0.80, DEFAULT_COVERAGE = 0.80;
    /** Sequences per block: enough pieces to balance several threads, few wasted comparisons in step 2. */
    private static final int BLOCK = 256;

    private final int blockSize;
    private final double minIdentity;
    private final double minCoverage;
    private final Scoring scoring;
    private final Seeding seeding;

    /** Identity &gt;= 0.80 over &gt;= 0.80 of the shorter, blastn's scores, the default seed step. */
    public ConsensusClustering() {
        this(DEFAULT_IDENTITY, DEFAULT_COVERAGE, Scoring.BLASTN, Seeding.DEFAULT);
    }

    /**
     * @param minIdentity lowest identity (matches over alignment columns) of a match, in (0, 1]
     * @param minCoverage lowest fraction of the shorter sequence a match covers, in (0, 1]
     * @param scoring     the alignment scores
     * @param seeding     the k-mer length and band rules of the candidate search
     * @throws IllegalArgumentException on a value out of range or a null
     */
    public ConsensusClustering(double minIdentity, double minCoverage, Scoring scoring, Seeding seeding) {
        this(minIdentity, minCoverage, scoring, seeding, BLOCK);
    }

    private ConsensusClustering(double minIdentity, double minCoverage, Scoring scoring, Seeding seeding,
                                int blockSize) {
        if (!(minIdentity > 0 && minIdentity <= 1)) {
            throw new IllegalArgumentException("identity threshold must be in (0, 1], got " + minIdentity);
        }
        if (!(minCoverage > 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("coverage threshold must be in (0, 1], got " + minCoverage);
        }
        if (scoring == null || seeding == null) {
            throw new IllegalArgumentException("scoring and seeding must not be null");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
        this.minIdentity = minIdentity;
        this.minCoverage = minCoverage;
        this.scoring = scoring;
        this.seeding = seeding;
        this.blockSize = blockSize;
    }

    /** The same clustering in blocks of another size (for tests: the result must not change). */
    ConsensusClustering withBlockSize(int size) {
        return new ConsensusClustering(minIdentity, minCoverage, scoring, seeding, size);
    }

    /** The identity threshold. */
    public double minIdentity() {
        return minIdentity;
    }

    /** The coverage threshold (of the shorter sequence). */
    public double minCoverage() {
        return minCoverage;
    }

    /**
     * Whether an alignment is a match: identity and coverage of the shorter sequence
     * ({@link Alignment#coverageOfShorter()}) at least the thresholds.
     */
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
     * @throws IllegalArgumentException on a null, or when support's length differs
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
        // representative ids are cluster numbers: both count representatives in the order made
        SequenceIndex representatives = new SequenceIndex(seeding, scoring);
        SequenceIndex unmatchedIndex = new SequenceIndex(seeding, scoring);
        ConcurrentLinkedQueue<Matcher> matchers = new ConcurrentLinkedQueue<>();
        int[] clusterOf = new int[n];
        Alignment[] alignments = new Alignment[n];
        for (int from = 0; from < n; from += this.blockSize) {
            int blockStart = from;
            int blockSize = Math.min(this.blockSize, n - from);
            int before = representatives.size();

            // step 1: against the representatives made before the block
            List<Match> earlier = before == 0 ? null : workers.map(blockSize,
                    t -> withMatcher(matchers, representatives, unmatchedIndex,
                            m -> m.first(m.representatives, sequences.get(order[blockStart + t]), 0, before)));
            List<Integer> unmatched = new ArrayList<>();
            for (int t = 0; t < blockSize; t++) {
                int s = order[blockStart + t];
                Match m = earlier == null ? null : earlier.get(t);
                if (m != null) {
                    clusterOf[s] = m.target;
                    alignments[s] = m.alignment;
                } else {
                    unmatched.add(s);
                }
            }

            // step 2: the unmatched against the earlier unmatched of the block
            unmatchedIndex.clear();
            for (int u = unmatched.size() - 1; u >= 0; u--) {
                unmatchedIndex.add(sequences.get(unmatched.get(u)));
            }
            List<Match> firstEarlier = workers.map(unmatched.size(),
                    u -> withMatcher(matchers, representatives, unmatchedIndex,
                            m -> m.firstEarlier(sequences.get(unmatched.get(u)), 0, u)));

            // step 3: in order, the first earlier unmatched sequence that became a representative
            int[] clusterOfUnmatched = new int[unmatched.size()];
            Matcher local = withMatcher(matchers, representatives, unmatchedIndex, m -> m);
            for (int u = 0; u < unmatched.size(); u++) {
                int s = unmatched.get(u);
                Match m = firstEarlier.get(u);
                while (m != null && clusterOfUnmatched[m.target] < 0) {
                    m = local.firstEarlier(sequences.get(s), m.target + 1, u);
                }
                if (m == null) {
                    clusterOfUnmatched[u] = representatives.add(sequences.get(s));
                    clusterOf[s] = clusterOfUnmatched[u];
                } else {
                    clusterOfUnmatched[u] = -1;
                    clusterOf[s] = clusterOfUnmatched[m.target];
                    alignments[s] = m.alignment;
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

    /** Runs body with a matcher taken from the pool (made if none is free) and gives it back. */
    private <T> T withMatcher(ConcurrentLinkedQueue<Matcher> pool, SequenceIndex representatives,
                              SequenceIndex unmatched, java.util.function.Function<Matcher, T> body) {
        Matcher m = pool.poll();
        if (m == null) {
            m = new Matcher(representatives, unmatched);
        }
        try {
            return body.apply(m);
        } finally {
            pool.offer(m);
        }
    }

    /** The first match found: the target's id in the index searched, and the alignment. */
    private record Match(int target, Alignment alignment) {
    }

    /** One thread's searchers and aligner. */
    private final class Matcher {
        final Searching representatives;
        final Searching unmatched;
        final PairwiseAligner aligner = new PairwiseAligner(scoring, seeding);
        /** The seeds an alignment at the thresholds would likely hold: over at least minCoverage x the shorter. */
        final SequenceIndex.SeedThreshold threshold = (targetLength, queryLength, seedSpan) -> seeding.minimumSeeds(
                Math.max(seedSpan, (int) Math.ceil(minCoverage * Math.min(targetLength, queryLength))), minIdentity);

        Matcher(SequenceIndex representatives, SequenceIndex unmatched) {
            this.representatives = new Searching(representatives);
            this.unmatched = new Searching(unmatched);
        }

        /** The first sequence with id in [fromId, toId) of the index that the sequence matches, or null. */
        Match first(Searching in, byte[] sequence, int fromId, int toId) {
            for (SequenceIndex.Candidate c : in.searcher.candidates(sequence, fromId, toId, threshold)) {
                byte[] target = in.index.sequence(c.id());
                if (!canCover(c.band(), target.length, sequence.length)) {
                    continue;
                }
                Alignment a = aligner.align(target, sequence, c.band());
                if (accepts(a)) {
                    return new Match(c.id(), a);
                }
            }
            return null;
        }

        /**
         * The first unmatched sequence of the block, by its place u in [fromU, toU), that the
         * sequence matches, or null. The block index holds place u under id size - 1 - u.
         */
        Match firstEarlier(byte[] sequence, int fromU, int toU) {
            int size = unmatched.index.size();
            List<SequenceIndex.Candidate> candidates = unmatched.searcher.candidates(sequence, size - toU, size - fromU,
                    threshold);
            // candidates come by id ascending (place descending): take each id's group from the last
            int end = candidates.size();
            while (end > 0) {
                int id = candidates.get(end - 1).id();
                int start = end - 1;
                while (start > 0 && candidates.get(start - 1).id() == id) {
                    start--;
                }
                byte[] target = unmatched.index.sequence(id);
                for (int c = start; c < end; c++) {
                    Band band = candidates.get(c).band();
                    if (canCover(band, target.length, sequence.length)) {
                        Alignment a = aligner.align(target, sequence, band);
                        if (accepts(a)) {
                            return new Match(size - 1 - id, a);
                        }
                    }
                }
                end = start;
            }
            return null;
        }
    }

    /** An index with this thread's searcher of it. */
    private record Searching(SequenceIndex index, SequenceIndex.Searcher searcher) {
        Searching(SequenceIndex index) {
            this(index, index.searcher());
        }
    }

    /** Whether an alignment within the band could cover minCoverage of the shorter sequence (exact bound). */
    private boolean canCover(Band band, int lengthA, int lengthB) {
        double a = (double) band.maxSpanA(lengthA, lengthB) / lengthA;
        double b = (double) band.maxSpanB(lengthA, lengthB) / lengthB;
        double bound = lengthA == lengthB ? Math.min(a, b) : lengthA < lengthB ? a : b;
        return bound >= minCoverage;
    }
}
