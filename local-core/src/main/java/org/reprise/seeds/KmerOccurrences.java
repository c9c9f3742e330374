package org.reprise.seeds;

import it.unimi.dsi.fastutil.longs.LongArrays;
import org.reprise.genome.BaseCode;
import org.reprise.index.KmerCodec;
import org.reprise.partition.Chunk;

import java.util.Arrays;

/**
 * Seed candidates from a batch of k-mer occurrences grouped by canonical k-mer (the smaller of a
 * k-mer and its reverse complement), without a k-mer index: what a Spark counting reducer holds
 * after the shuffle by canonical k-mer, or one hash bucket of a streaming pass over a genome. Each
 * occurrence is a canonical code and a tagged position: {@code position << 1 | side} (side 1 when
 * the genome reads the reverse complement there) or, with neighbours' positions mixed in,
 * {@code position << 2 | own << 1 | side}. Every canonical k-mer's two sides are then its forward
 * and reverse copies, to which the candidate rules apply ({@link #candidate}).
 */
public final class KmerOccurrences {
    private KmerOccurrences() {
    }

    /** What {@link #forEachOwned} hands over: one occurrence, as it goes into a batch. */
    public interface OccurrenceVisitor {
        /** @param tagged {@code genomePosition << 1 | side} */
        void visit(long canonical, long tagged);
    }

    /**
     * Every k-mer occurrence a chunk owns (its first base in the chunk's core: the partition plan's
     * ownership rule, so each genome position is visited once over all chunks), canonical and
     * tagged with its genome position and side.
     *
     * @param chunk       the chunk
     * @param padded      base codes of the chunk's padded interval (index 0 is contig offset
     *                    {@code chunk.paddedStart()})
     * @param contigStart genome position of the chunk's contig's first base
     */
    public static void forEachOwned(Chunk chunk, byte[] padded, long contigStart, KmerCodec codec,
                                    OccurrenceVisitor visitor) {
        int k = codec.k();
        long last = Math.min(chunk.coreEnd(), chunk.contigLength() - k + 1);
        long mask = codec.mask();
        long code = 0;
        int run = 0;
        // Read from the core's start, rolling the code over valid bases; a k-mer starting at q
        // ends at q + k - 1, which may lie in the padding.
        long to = Math.min(last + k - 1, chunk.paddedEnd());
        for (long q = chunk.coreStart(); q < to; q++) {
            int b = padded[(int) (q - chunk.paddedStart())];
            if (b >= BaseCode.INVALID) {
                run = 0;
                code = 0;
                continue;
            }
            code = ((code << 2) | b) & mask;
            if (++run >= k) {
                long start = q - k + 1;
                long rc = codec.reverseComplement(code);
                long canonical = Math.min(code, rc);
                visitor.visit(canonical, ((contigStart + start) << 1) | (code == canonical ? 0 : 1));
            }
        }
    }

    /** The batch (a Spark reducer, a bucket of a streaming pass) a canonical k-mer belongs to. */
    public static int batchOf(long canonical, int batches) {
        long h = canonical * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) Long.remainderUnsigned(h, batches);
    }

    /** What {@link #forEachPair} hands over: a canonical k-mer and the sorted positions of each side. */
    public interface PairVisitor {
        /**
         * {@code a[0..na)}: where the genome reads the canonical k-mer (or, with neighbours, copies
         * of it); {@code b[0..nb)}: the same for its reverse complement; {@code firstA},
         * {@code firstB}: each side's first own occurrence, {@link Representative#NEVER} when the side
         * never occurs. The arrays are reused between visits.
         */
        void visit(long canonical, long[] a, int na, long firstA, long[] b, int nb, long firstB);
    }

    /**
     * Sorts the {@code (canonical, tagged)} pairs (in place, together) and visits each canonical
     * k-mer with at least {@code minRaw} occurrences (a palindrome's count twice).
     *
     * @param ownTag whether tagged values carry the "own occurrence" bit (positions of neighbours mixed in)
     */
    public static void forEachPair(long[] canonical, long[] tagged, boolean ownTag, int k, int minRaw,
                                   PairVisitor visitor) {
        forEachPair(canonical, tagged, canonical.length, ownTag, k, minRaw, visitor);
    }

    /** {@link #forEachPair(long[], long[], boolean, int, int, PairVisitor)} on the first {@code n} pairs of the arrays. */
    public static void forEachPair(long[] canonical, long[] tagged, int n, boolean ownTag, int k, int minRaw,
                                   PairVisitor visitor) {
        int shift = ownTag ? 2 : 1;
        LongArrays.radixSort(canonical, tagged, 0, n);
        KmerCodec codec = new KmerCodec(k);
        long[] a = new long[16];
        long[] b = new long[16];
        for (int s = 0; s < n; ) {
            int e = s;
            while (e < n && canonical[e] == canonical[s]) {
                e++;
            }
            long c = canonical[s];
            boolean palindrome = codec.reverseComplement(c) == c;
            int raw = palindrome ? 2 * (e - s) : e - s;
            if (raw >= minRaw) {
                if (a.length < e - s) {
                    a = new long[e - s];
                    b = new long[e - s];
                }
                int na = 0, nb = 0;
                long firstA = Representative.NEVER, firstB = Representative.NEVER;
                for (int i = s; i < e; i++) {
                    long position = tagged[i] >>> shift;
                    boolean own = !ownTag || (tagged[i] & 2) != 0;
                    // Sorted by position within a k-mer: the first own one seen is the first.
                    if ((tagged[i] & 1) == 0) {
                        a[na++] = position;
                        if (own && firstA == Representative.NEVER) {
                            firstA = position;
                        }
                    } else {
                        b[nb++] = position;
                        if (own && firstB == Representative.NEVER) {
                            firstB = position;
                        }
                    }
                }
                visitor.visit(c, a, na, firstA, b, nb, firstB);
            }
            s = e;
        }
    }

    /**
     * The candidate of canonical k-mer {@code c}, or null when it is not complex enough or has
     * fewer than minfreq copies: {@code a} and {@code b} hold the sorted copies of c and of its
     * reverse complement (modified by the tandem filter), {@code firstA} and {@code firstB} their
     * first own occurrences, which decide the {@link Representative}.
     */
    public static Candidate candidate(KmerCodec codec, long c, long[] a, int na, long firstA, long[] b, int nb,
                                      long firstB, int minFreq, TandemFilter tandem) {
        if (!codec.complexEnough(c)) {
            return null;
        }
        boolean palindrome = codec.reverseComplement(c) == c;
        int fa = tandem.filter(a, na);
        int fb = palindrome ? fa : tandem.filter(b, nb);
        int count = fa + fb;
        if (count < minFreq) {
            return null;
        }
        long[] la = Arrays.copyOf(a, fa);
        long[] lb = palindrome ? la : Arrays.copyOf(b, fb);
        if (Representative.isReverse(firstA, firstB)) {
            return new Candidate(codec.reverseComplement(c), count, firstB, lb, la);
        }
        return new Candidate(c, count, firstA, la, lb);
    }
}
