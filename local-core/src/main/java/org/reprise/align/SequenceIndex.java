package org.reprise.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A k-mer index over a growing set of sequences (the representatives of a clustering, a repeat
 * library), which finds, for a query, the indexed sequences worth aligning to it: those sharing
 * enough k-mers with it on either strand, each with the band its seeds support.
 *
 * <p>Every sequence is indexed on its forward strand at each valid k-mer, a k-mer at its first
 * {@link Seeding#maxOccurrences()} positions in that sequence only; the query is looked up on
 * both strands. Ids are 0, 1, 2... in the order of {@link #add}. The postings of a k-mer are a
 * list from the newest sequence to the oldest, so a search restricted to ids {@code >= fromId}
 * stops at the first older posting (the sequential step of a greedy clustering only looks at the
 * newest representatives).
 *
 * <p>Memory: a table of 4^k ints (16 MB for k = 11) and 12 bytes per indexed position.
 *
 * <p>Thread safety: {@link #add} must not run while any search does; searches may run at once,
 * each on its own {@link Searcher}. Whatever hands the searches to other threads after an add
 * (a thread start, an executor) must give the happens-before edge; {@code Workers.map} does.
 */
public final class SequenceIndex {
    private final Seeding seeding;
    private final int k;
    private final int mask;
    private final int[] head;
    private int[] next = new int[1024];
    private int[] seqOf = new int[1024];
    private int[] posOf = new int[1024];
    private int postings;
    private final List<byte[]> sequences = new ArrayList<>();
    private long[] scratch = new long[0];

    public SequenceIndex(Seeding seeding) {
        if (seeding == null) {
            throw new IllegalArgumentException("seeding is null");
        }
        this.seeding = seeding;
        this.k = seeding.k();
        this.mask = (1 << (2 * k)) - 1;
        this.head = new int[1 << (2 * k)];
        Arrays.fill(head, -1);
    }

    public Seeding seeding() {
        return seeding;
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
        int id = sequences.size();
        sequences.add(codes);
        if (scratch.length < codes.length) {
            scratch = new long[Math.max(codes.length, scratch.length * 2)];
        }
        int n = 0;
        int code = 0;
        int valid = 0;
        for (int i = 0; i < codes.length; i++) {
            int x = codes[i];
            if ((x & ~3) != 0) {
                valid = 0;
                continue;
            }
            code = ((code << 2) | x) & mask;
            if (++valid >= k) {
                scratch[n++] = ((long) code << 32) | (i - k + 1);
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
            if (postings == next.length) {
                int c = postings * 2;
                next = Arrays.copyOf(next, c);
                seqOf = Arrays.copyOf(seqOf, c);
                posOf = Arrays.copyOf(posOf, c);
            }
            next[postings] = head[(int) kmer];
            seqOf[postings] = id;
            posOf[postings] = (int) scratch[t];
            head[(int) kmer] = postings++;
        }
        return id;
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
         * @return the fewest seeds (distinct query positions starting a k-mer shared with the
         *         target, on one strand; then seeds in the band) the pair needs
         */
        int minimumSeeds(int targetLength, int queryLength);
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
        private final DiagonalHits diagonals = new DiagonalHits(seeding);

        private Searcher() {
        }

        /**
         * The indexed sequences with ids in [fromId, toId) that share at least
         * {@code threshold.minimumSeeds(targetLength, queryLength)} seeds with the query on a
         * strand, counted first over the whole pair and then within the best band; one candidate
         * per sequence and strand that passes, sorted by id, then by support (the better strand
         * first), then plus before minus.
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
            collect(query, query.length, Strand.PLUS, fromId, toId);
            if (reverse.length < query.length) {
                reverse = new byte[Math.max(query.length, reverse.length * 2)];
            }
            Dna.reverseComplement(query, query.length, reverse);
            collect(reverse, query.length, Strand.MINUS, fromId, toId);

            // keys that pass on the whole pair, in key order (id, then strand)
            int[] passing = new int[touchedSize];
            int np = 0;
            for (int t = 0; t < touchedSize; t++) {
                int key = touched[t];
                if (count[key] >= threshold.minimumSeeds(sequences.get(key >> 1).length, query.length)) {
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
                    Band band = diagonals.band((key & 1) == 0 ? Strand.PLUS : Strand.MINUS, targetLength,
                            query.length);
                    if (band != null && band.support() >= threshold.minimumSeeds(targetLength, query.length)) {
                        result.add(new Candidate(id, band));
                    }
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

        private void collect(byte[] q, int n, Strand strand, int fromId, int toId) {
            final int[] head = SequenceIndex.this.head;
            final int[] next = SequenceIndex.this.next, seqOf = SequenceIndex.this.seqOf, posOf = SequenceIndex.this.posOf;
            final int[] count = this.count, lastPos = this.lastPos;
            int strandBit = strand == Strand.PLUS ? 0 : 1;
            int code = 0;
            int valid = 0;
            for (int i = 0; i < n; i++) {
                int x = q[i];
                if ((x & ~3) != 0) {
                    valid = 0;
                    continue;
                }
                code = ((code << 2) | x) & mask;
                if (++valid < k) {
                    continue;
                }
                int posB = i - k + 1;
                for (int p = head[code]; p >= 0; p = next[p]) {
                    int id = seqOf[p];
                    if (id >= toId) {
                        continue;
                    }
                    if (id < fromId) {
                        break; // postings run from the newest id to the oldest
                    }
                    int key = 2 * id + strandBit;
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
                    hitA[hitSize] = posOf[p];
                    hitB[hitSize] = posB;
                    hitSize++;
                }
            }
        }
    }
}
