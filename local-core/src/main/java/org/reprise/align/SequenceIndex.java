package org.reprise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A k-mer index over a growing set of sequences (the representatives of a clustering, a repeat
 * library), which finds, for a query, the indexed sequences worth aligning to it: those sharing
 * enough k-mers with it on either strand, each with the band its seeds support.
 *
 * <p>K-mers are indexed under their canonical form (the smaller code of the k-mer and its
 * reverse complement) with their orientation, so one look-up per query position finds the seeds
 * of both strands; a canonical k-mer is indexed at its first {@link Seeding#maxOccurrences()}
 * positions in each sequence only. A bitmap of the canonical k-mers present (4^k bits, 512 KB
 * for k = 11, small enough to stay in cache) is checked before the table, which spares most
 * look-ups of a sparsely filled index their cache miss. Ids are 0, 1, 2... in the order of
 * {@link #add}. The postings of a k-mer are a list from the newest sequence to the oldest, so a
 * search restricted to ids {@code >= fromId} stops at the first older posting, while ids
 * {@code >= toId} are visited and skipped: a caller that often searches the newest ids only
 * should add its sequences so that those are the newest.
 *
 * <p>A band of one or two seeds (one chance match of 11 or 12 bases, which a query meets dozens of
 * times in an index of a few megabases) is kept only if one of its seeds extends, without gaps,
 * to a segment scoring at least {@code (k + 5) * match + mismatch} (29 with blastn's scores: a
 * match of k + 6 bases with one mismatch). Measured on simulated pairs of 50-200 bases at
 * 78-90% identity that share at most two seeds and align at >= 80% identity over >= 80% of the
 * shorter: 5% of them fail this test, against 97% of chance 11-mer matches.
 *
 * <p>Memory: a table of 4^k ints (16 MB for k = 11), the bitmap, and 12 bytes per indexed
 * position.
 *
 * <p>Thread safety: {@link #add} must not run while any search does; searches may run at once,
 * each on its own {@link Searcher}. Whatever hands the searches to other threads after an add
 * (a thread start, an executor) must give the happens-before edge; {@code Workers.map} does.
 */
public final class SequenceIndex {
    /** Bands with fewer seeds than this must pass the ungapped test. */
    private static final int FEW_SEEDS = 3;

    private final Seeding seeding;
    private final Scoring scoring;
    private final int minUngappedScore;
    private final int xDrop;
    private final int k;
    private final int mask;
    private final int[] head;
    /** Bit c set when canonical k-mer c has a posting. */
    private final long[] present;
    /**
     * Posting p is postings[3p..3p+2]: the next (older) posting of its canonical k-mer or -1, the
     * id, and position * 2 + orientation (1 when the sequence holds the reverse complement of the
     * canonical k-mer there).
     */
    private int[] postings = new int[3 * 1024];
    private int postingCount;
    private final List<byte[]> sequences = new ArrayList<>();
    private long[] scratch = new long[0];

    /**
     * @param seeding the k-mer length and band rules
     * @param scoring the scores of the alignments the candidates are for (used by the ungapped
     *                test of bands with few seeds)
     */
    public SequenceIndex(Seeding seeding, Scoring scoring) {
        if (seeding == null || scoring == null) {
            throw new IllegalArgumentException("seeding and scoring must not be null");
        }
        this.seeding = seeding;
        this.scoring = scoring;
        this.minUngappedScore = (seeding.k() + 5) * scoring.match() + scoring.mismatch();
        this.xDrop = 10 * scoring.match();
        this.k = seeding.k();
        this.mask = (1 << (2 * k)) - 1;
        this.head = new int[1 << (2 * k)];
        this.present = new long[Math.max(1, (1 << (2 * k)) >>> 6)];
        Arrays.fill(head, -1);
    }

    public Seeding seeding() {
        return seeding;
    }

    public Scoring scoring() {
        return scoring;
    }

    /** The number of sequences indexed. */
    public int size() {
        return sequences.size();
    }

    /**
     * The sequence of an id, the array given to {@link #add} (not a copy: nobody may modify it).
     *
     * @throws IndexOutOfBoundsException if id is not in [0, size)
     */
    public byte[] sequence(int id) {
        return sequences.get(id);
    }

    /**
     * Indexes a sequence under the next id. The array is kept, not copied: the caller must not
     * modify it afterwards.
     *
     * @param codes the sequence's codes (0..3 bases, anything else invalid)
     * @return its id, {@link #size()} before the call
     */
    public int add(byte[] codes) {
        if (codes == null) {
            throw new IllegalArgumentException("sequence is null");
        }
        if (codes.length >= 1 << 30) {
            throw new IllegalArgumentException("sequence of " + codes.length + " bases: at most 2^30 - 1 can be indexed");
        }
        int id = sequences.size();
        sequences.add(codes);
        if (scratch.length < codes.length) {
            scratch = new long[Math.max(codes.length, scratch.length * 2)];
        }
        int n = 0;
        int fwd = 0, rev = 0;
        int shift = 2 * (k - 1);
        int valid = 0;
        for (int i = 0; i < codes.length; i++) {
            int x = codes[i];
            if ((x & ~3) != 0) {
                valid = 0;
                continue;
            }
            fwd = ((fwd << 2) | x) & mask;
            rev = (rev >>> 2) | ((3 - x) << shift);
            if (++valid >= k) {
                int canonical = Math.min(fwd, rev);
                int orientation = fwd == canonical ? 0 : 1;
                scratch[n++] = ((long) canonical << 32) | ((long) (i - k + 1) << 1) | orientation;
            }
        }
        // sorted by k-mer, then position: the first maxOccurrences of each run are its first positions
        Arrays.sort(scratch, 0, n);
        int cap = seeding.maxOccurrences();
        int run = 0;
        long previous = -1;
        for (int t = 0; t < n; t++) {
            long kmer = scratch[t] >>> 32;
            run = kmer == previous ? run + 1 : 1;
            previous = kmer;
            if (run > cap) {
                continue;
            }
            if (3 * postingCount == postings.length) {
                postings = Arrays.copyOf(postings, postings.length * 2);
            }
            int at = 3 * postingCount;
            postings[at] = head[(int) kmer];
            postings[at + 1] = id;
            postings[at + 2] = (int) scratch[t];
            head[(int) kmer] = postingCount++;
            present[(int) (kmer >>> 6)] |= 1L << kmer;
        }
        return id;
    }

    private static boolean sameBase(byte x, byte y) {
        return x == y && (x & ~3) == 0;
    }

    /**
     * Forgets every sequence (ids start again at 0), keeping the k-mer table for reuse: cheaper
     * than a new index when many small ones are needed one after another.
     */
    public void clear() {
        for (int p = 0; p < postingCount; p++) {
            // a posting's k-mer is not stored; its head entry is found again from the sequence
            byte[] codes = sequences.get(postings[3 * p + 1]);
            int pos = postings[3 * p + 2] >>> 1;
            int fwd = 0, rev = 0;
            for (int i = pos; i < pos + k; i++) {
                fwd = (fwd << 2) | codes[i];
                rev = (rev >>> 2) | ((3 - codes[i]) << (2 * (k - 1)));
            }
            int canonical = Math.min(fwd, rev);
            head[canonical] = -1;
            present[canonical >>> 6] &= ~(1L << canonical);
        }
        postingCount = 0;
        sequences.clear();
    }

    /** A new searcher: the scratch space of one thread's searches. */
    public Searcher searcher() {
        return new Searcher();
    }

    /** How many seeds an indexed sequence and a query need before they are worth aligning. */
    @FunctionalInterface
    public interface SeedThreshold {
        /**
         * @param targetLength the indexed sequence's length
         * @param queryLength  the query's length
         * @param seedSpan     the columns the seeds of the band span ({@link Band#seedSpan()}), or
         *                     0 for the first count over the whole pair, before any band is found;
         *                     the answer for 0 must not exceed the answer for any span
         * @return the fewest seeds (distinct query positions starting a k-mer shared with the
         *         target, on one strand; then seeds in the band) the pair needs
         */
        int minimumSeeds(int targetLength, int queryLength, int seedSpan);
    }

    /**
     * An indexed sequence worth aligning to the query on one strand, with the band its seeds
     * support (A = the indexed sequence, B = the query).
     */
    public record Candidate(int id, Band band) {
    }

    /** The scratch space of one thread's searches. Not thread-safe. */
    public final class Searcher {
        /** Per key (id * 2 + strand): distinct query positions with a seed, and the last one + 1. */
        private int[] count = new int[0], lastPos = new int[0], slot = new int[0];
        private int[] touched = new int[64];
        private int touchedSize;
        private int[] hitKey = new int[1024], hitA = new int[1024], hitB = new int[1024];
        private int hitSize;
        private int[] order = new int[0];
        private byte[] reverse = new byte[0];
        private boolean reverseReady;
        private final DiagonalHits diagonals = new DiagonalHits(seeding);

        private Searcher() {
        }

        /**
         * The indexed sequences with ids in [fromId, toId) that share enough seeds with the query
         * on a strand: at least {@code threshold.minimumSeeds(targetLength, queryLength, 0)} over
         * the whole pair, then {@code threshold.minimumSeeds(targetLength, queryLength, seedSpan)}
         * within the best band (a band of fewer than 3 seeds must also pass the ungapped test of
         * the class comment); one candidate per sequence and strand that passes, sorted by id,
         * then by support (the better strand first), then plus before minus.
         *
         * @throws IllegalArgumentException if the ids are not 0 <= fromId <= toId <= size()
         */
        public List<Candidate> candidates(byte[] query, int fromId, int toId, SeedThreshold threshold) {
            if (query == null || threshold == null) {
                throw new IllegalArgumentException("query and threshold must not be null");
            }
            if (fromId < 0 || toId < fromId || toId > sequences.size()) {
                throw new IllegalArgumentException("ids [" + fromId + ", " + toId + ") are not within [0, "
                        + sequences.size() + ")");
            }
            int keys = 2 * sequences.size();
            if (count.length < keys) {
                int c = Math.max(keys, count.length * 2);
                count = new int[c];
                lastPos = new int[c];
                slot = new int[c];
            }
            touchedSize = 0;
            hitSize = 0;
            reverseReady = false;
            collect(query, fromId, toId);

            // keys that pass on the whole pair, in key order (id, then strand)
            int[] passing = new int[touchedSize];
            int np = 0;
            for (int t = 0; t < touchedSize; t++) {
                int key = touched[t];
                if (count[key] >= threshold.minimumSeeds(sequences.get(key >> 1).length, query.length, 0)) {
                    passing[np++] = key;
                }
            }
            Arrays.sort(passing, 0, np);
            List<Candidate> result = new ArrayList<>();
            if (np > 0) {
                // group the passing keys' seeds by key (a counting sort), then find each key's band
                int[] start = new int[np + 1];
                for (int c = 0; c < np; c++) {
                    slot[passing[c]] = c + 1;
                }
                for (int t = 0; t < hitSize; t++) {
                    int s = slot[hitKey[t]];
                    if (s > 0) {
                        start[s]++;
                    }
                }
                for (int c = 0; c < np; c++) {
                    start[c + 1] += start[c];
                }
                if (order.length < start[np]) {
                    order = new int[Math.max(start[np], order.length * 2)];
                }
                int[] fill = Arrays.copyOf(start, np);
                for (int t = 0; t < hitSize; t++) {
                    int s = slot[hitKey[t]];
                    if (s > 0) {
                        order[fill[s - 1]++] = t;
                    }
                }
                for (int c = 0; c < np; c++) {
                    int key = passing[c];
                    slot[key] = 0;
                    int id = key >> 1;
                    int targetLength = sequences.get(id).length;
                    diagonals.clear();
                    for (int x = start[c]; x < start[c + 1]; x++) {
                        int t = order[x];
                        diagonals.add(hitA[t], hitB[t]);
                    }
                    boolean plus = (key & 1) == 0;
                    Band band = diagonals.band(plus ? Strand.PLUS : Strand.MINUS, targetLength, query.length);
                    if (band == null
                            || band.support() < threshold.minimumSeeds(targetLength, query.length, band.seedSpan())) {
                        continue;
                    }
                    if (band.support() < FEW_SEEDS
                            && !extendsUngapped(sequences.get(id), plus ? query : reverseOf(query), query.length, band,
                                    start[c], start[c + 1])) {
                        continue;
                    }
                    result.add(new Candidate(id, band));
                }
                // the better strand first within an id (stable: plus first on equal support)
                for (int x = 1; x < result.size(); x++) {
                    Candidate p = result.get(x - 1), c = result.get(x);
                    if (p.id() == c.id() && c.band().support() > p.band().support()) {
                        result.set(x - 1, c);
                        result.set(x, p);
                    }
                }
            }
            for (int t = 0; t < touchedSize; t++) {
                count[touched[t]] = 0;
                lastPos[touched[t]] = 0;
            }
            return result;
        }

        /** Whether a seed of the band (among hits order[from, to)) extends to minUngappedScore. */
        private boolean extendsUngapped(byte[] a, byte[] b, int lengthB, Band band, int from, int to) {
            int match = scoring.match(), mismatch = scoring.mismatch();
            for (int x = from; x < to; x++) {
                int t = order[x];
                int posA = hitA[t], posB = hitB[t];
                int d = posB - posA;
                if (d < band.minDiagonal() || d > band.maxDiagonal()) {
                    continue;
                }
                int score = k * match; // the seed is an exact match
                int best = 0;
                for (int i = posA + k, j = posB + k, run = 0; i < a.length && j < lengthB; i++, j++) {
                    run += sameBase(a[i], b[j]) ? match : mismatch;
                    best = Math.max(best, run);
                    if (run < best - xDrop) {
                        break;
                    }
                }
                score += best;
                best = 0;
                for (int i = posA - 1, j = posB - 1, run = 0; i >= 0 && j >= 0; i--, j--) {
                    run += sameBase(a[i], b[j]) ? match : mismatch;
                    best = Math.max(best, run);
                    if (run < best - xDrop) {
                        break;
                    }
                }
                if (score + best >= minUngappedScore) {
                    return true;
                }
            }
            return false;
        }

        /** The query's reverse complement, in the scratch buffer, made once per search. */
        private byte[] reverseOf(byte[] query) {
            if (!reverseReady) {
                if (reverse.length < query.length) {
                    reverse = new byte[Math.max(query.length, reverse.length * 2)];
                }
                Dna.reverseComplement(query, query.length, reverse);
                reverseReady = true;
            }
            return reverse;
        }

        /**
         * Collects the seeds of the query with the indexed ids in [fromId, toId), both strands at
         * once: a posting whose orientation equals the query k-mer's is a plus-strand seed at the
         * query position j; otherwise a minus-strand seed at position n - k - j of the reverse
         * complement. A palindromic k-mer (possible for even k) is both.
         */
        private void collect(byte[] q, int fromId, int toId) {
            final int[] head = SequenceIndex.this.head;
            final long[] present = SequenceIndex.this.present;
            final int[] postings = SequenceIndex.this.postings;
            final int n = q.length;
            final int shift = 2 * (k - 1);
            int fwd = 0, rev = 0;
            int valid = 0;
            for (int i = 0; i < n; i++) {
                int x = q[i];
                if ((x & ~3) != 0) {
                    valid = 0;
                    continue;
                }
                fwd = ((fwd << 2) | x) & mask;
                rev = (rev >>> 2) | ((3 - x) << shift);
                if (++valid < k) {
                    continue;
                }
                int canonical = Math.min(fwd, rev);
                if ((present[canonical >>> 6] & (1L << canonical)) == 0) {
                    continue;
                }
                int j = i - k + 1;
                int orientation = fwd == canonical ? 0 : 1;
                boolean palindrome = fwd == rev;
                for (int p = head[canonical]; p >= 0; p = postings[3 * p]) {
                    int id = postings[3 * p + 1];
                    if (id >= toId) {
                        continue;
                    }
                    if (id < fromId) {
                        break; // postings run from the newest id to the oldest
                    }
                    int packed = postings[3 * p + 2];
                    int posA = packed >>> 1;
                    if (palindrome || (packed & 1) == orientation) {
                        hit(2 * id, posA, j);
                    }
                    if (palindrome || (packed & 1) != orientation) {
                        hit(2 * id + 1, posA, n - k - j);
                    }
                }
            }
        }

        /** Records a seed of key (id * 2 + strand), counting each query position once per key. */
        private void hit(int key, int posA, int posB) {
            if (lastPos[key] != posB + 1) {
                lastPos[key] = posB + 1;
                if (count[key]++ == 0) {
                    if (touchedSize == touched.length) {
                        touched = Arrays.copyOf(touched, touchedSize * 2);
                    }
                    touched[touchedSize++] = key;
                }
            }
            if (hitSize == hitKey.length) {
                int c = hitSize * 2;
                hitKey = Arrays.copyOf(hitKey, c);
                hitA = Arrays.copyOf(hitA, c);
                hitB = Arrays.copyOf(hitB, c);
            }
            hitKey[hitSize] = key;
            hitA[hitSize] = posA;
            hitB[hitSize] = posB;
            hitSize++;
        }
    }
}
