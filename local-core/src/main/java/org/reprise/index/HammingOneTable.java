package org.reprise.index;

import org.reprise.util.IntBuffer;
import org.reprise.util.LongBuffer;
import org.reprise.util.PairRadixSort;

import java.util.Arrays;

/**
 * The inexact copies of every k-mer at once, for {@code dist = 1}, built in streaming passes over
 * sorted arrays instead of one random neighbour enumeration per k-mer (which costs ~40 cache misses
 * per k-mer and strand and dominated -dist 1 runs).
 *
 * <p>Copies of q within one mismatch on both strands are the k-mers of U = D ∪ rc(D) within one
 * mismatch of q, where D is the set of k-mers in the genome: a member z of D contributes its own
 * occurrences as forward copies, a member z = rc(y) of rc(D) contributes y's occurrences as reverse
 * copies (REPrise's findkmer(revcomp(q)) list). Two k-mers differ at most at base i exactly when
 * they agree on all other bases, so for each base i one pass over U, sorted, in blocks of equal
 * higher bases and sub-blocks by base i merged on the lower bases, yields every such group.
 *
 * <p>The k passes give each k-mer's upper bound (copies before the tandem filter) and its
 * neighbour pairs; the neighbours of the k-mers whose bound reaches minfreq are kept in CSR form.
 * Neighbour pairs are few (31 million for fly chr2R at k = 16, against 40 million entries in U),
 * so recording them beats a second round of passes. Memory while building: 12 bytes per entry of
 * U (twice the distinct k-mers) plus 8 per pair; kept: 16 bytes per distinct k-mer and 4 per
 * kept neighbour. Immutable once built; queries are thread-safe.
 */
public final class HammingOneTable {
    /** A neighbour reference: the D index, with this bit set when its occurrences are reverse copies. */
    private static final int REVERSE = 1 << 31;

    private final KmerIndex index;
    /** The first index slot of each k-mer's occurrences, and N last: no select per look-up (4 bytes a k-mer). */
    private final int[] runStart;
    private final int[] bound;
    private final int[] sameCodeReverse;
    private final long[] neighbourStart;
    private final int[] neighbours;

    private HammingOneTable(KmerIndex index, int[] runStart, int[] bound, int[] sameCodeReverse,
                            long[] neighbourStart, int[] neighbours) {
        this.index = index;
        this.runStart = runStart;
        this.bound = bound;
        this.sameCodeReverse = sameCodeReverse;
        this.neighbourStart = neighbourStart;
        this.neighbours = neighbours;
    }

    /** Builds the table; neighbour lists are kept for k-mers whose bound is at least {@code keepFrom}. */
    public static HammingOneTable build(KmerIndex index, int keepFrom) {
        return build(index, keepFrom, null);
    }

    /**
     * As {@link #build(KmerIndex, int)}, the k passes shared among the workers (each with its own
     * accumulators, added up in a fixed order afterwards).
     */
    public static HammingOneTable build(KmerIndex index, int keepFrom, org.reprise.parallel.Workers workers) {
        int d = index.distinctKmers();
        int k = index.k();
        KmerCodec codec = index.codec();
        // rc(D), sorted, each entry remembering which k-mer it is the reverse complement of.
        long[] rcCode = new long[d];
        int[] rcOf = new int[d];
        long[] code = new long[d]; // the k-mers' codes, in index order, while U is built
        int[] runStart = new int[d + 1];
        // k-mers walked by their runs of slots, without a select per k-mer
        for (int x = 0, slot = 0; x < d; x++) {
            runStart[x] = slot;
            code[x] = index.kmerAtSlot(slot);
            rcCode[x] = codec.reverseComplement(code[x]);
            rcOf[x] = x;
            slot = index.runEnd(slot);
        }
        runStart[d] = index.positionCount();
        PairRadixSort.sort(rcCode, rcOf, d, 2 * k);

        // Exact matches: q itself, and rc(q)'s occurrences as reverse copies when rc(q) occurs.
        int[] bound = new int[d];
        int[] sameCodeReverse = new int[d];
        Arrays.fill(sameCodeReverse, -1);
        for (int x = 0; x < d; x++) {
            bound[x] = runStart[x + 1] - runStart[x];
        }
        // U = D merged with rc(D), each entry a reference to the k-mer whose occurrences it stands for.
        long[] uCode = new long[2 * d];
        int[] uRef = new int[2 * d];
        int n = 0;
        for (int a = 0, r = 0; a < d || r < d; ) {
            if (r >= d || (a < d && code[a] <= rcCode[r])) {
                if (r < d && code[a] == rcCode[r]) {
                    bound[a] += runStart[rcOf[r] + 1] - runStart[rcOf[r]];
                    sameCodeReverse[a] = rcOf[r];
                }
                uCode[n] = code[a];
                uRef[n++] = a++;
            } else {
                uCode[n] = rcCode[r];
                uRef[n++] = rcOf[r++] | REVERSE;
            }
        }
        rcCode = null;
        rcOf = null;
        code = null;
        Builder b = new Builder(runStart, uCode, uRef);
        int threads = workers == null ? 1 : Math.min(workers.threads(), k);
        java.util.function.IntFunction<Pairs> passes = t -> {
            Pairs pairs = new Pairs(d);
            for (int i = t; i < k; i += threads) {
                b.pass(i, pairs);
            }
            return pairs;
        };
        java.util.List<Pairs> shares = workers == null ? java.util.List.of(passes.apply(0)) : workers.map(threads, passes);
        for (Pairs share : shares) {
            for (int x = 0; x < d; x++) {
                bound[x] += share.bound[x];
            }
        }
        // CSR of the neighbour pairs found, for the k-mers whose bound reaches keepFrom.
        long[] start = new long[d + 1];
        for (Pairs share : shares) {
            int[] src = share.source.array();
            for (int e = 0, pairs = share.source.size(); e < pairs; e++) {
                if (bound[src[e]] >= keepFrom) {
                    start[src[e] + 1]++;
                }
            }
        }
        for (int x = 0; x < d; x++) {
            start[x + 1] += start[x];
        }
        if (start[d] > Integer.MAX_VALUE - 16) {
            throw new UnsupportedOperationException("too many inexact neighbours to tabulate: " + start[d]);
        }
        int[] fill = new int[(int) start[d]];
        long[] cursor = Arrays.copyOf(start, d);
        for (Pairs share : shares) {
            int[] src = share.source.array();
            int[] dst = share.neighbour.array();
            for (int e = 0, pairs = share.source.size(); e < pairs; e++) {
                if (bound[src[e]] >= keepFrom) {
                    fill[(int) cursor[src[e]]++] = dst[e];
                }
            }
        }
        return new HammingOneTable(index, runStart, bound, sameCodeReverse, start, fill);
    }

    /** The index of rc(x) among the genome's k-mers, or -1 when rc(x) does not occur. */
    public int reverseComplementIndex(int x) {
        return sameCodeReverse[x];
    }

    /** The first index slot of k-mer x's occurrences ({@link KmerIndex#occurrenceStart}, without its look-up). */
    public int runStart(int x) {
        return runStart[x];
    }

    /** Copies of k-mer x and of its reverse complement before the tandem filter. */
    public int bound(int x) {
        return bound[x];
    }

    /**
     * Writes the genome positions of x's forward copies (k-mers within one mismatch of x) and of
     * its reverse copies (k-mers within one mismatch of rc(x)) into the buffers, unsorted.
     */
    public void positions(int x, LongBuffer forward, LongBuffer reverse) {
        forward.clear();
        reverse.clear();
        append(x, forward);
        if (sameCodeReverse[x] >= 0) {
            append(sameCodeReverse[x], reverse);
        }
        for (long s = neighbourStart[x], e = neighbourStart[x + 1]; s < e; s++) {
            int ref = neighbours[(int) s];
            if ((ref & REVERSE) != 0) {
                append(ref & ~REVERSE, reverse);
            } else {
                append(ref, forward);
            }
        }
    }

    private void append(int kmer, LongBuffer out) {
        int s = runStart[kmer], e = runStart[kmer + 1];
        long[] a = out.ensureCapacity(out.size() + e - s);
        int n = out.size();
        for (int i = s; i < e; i++) {
            a[n++] = index.position(i);
        }
        out.setSize(n);
    }

    /** What one worker's passes found: bound increments per k-mer, and the neighbour pairs. */
    private static final class Pairs {
        final int[] bound;
        final IntBuffer source = new IntBuffer(1 << 16);
        final IntBuffer neighbour = new IntBuffer(1 << 16);

        Pairs(int d) {
            bound = new int[d];
        }
    }

    /** U sorted, shared read-only by the passes. */
    private static final class Builder {
        final long[] code;
        final int[] ref;
        final int n;
        /** Occurrences each entry stands for, in U order, so passes read them sequentially. */
        final int[] weight;

        Builder(int[] runStart, long[] code, int[] ref) {
            this.code = code;
            this.ref = ref;
            this.n = code.length;
            this.weight = new int[n];
            for (int u = 0; u < n; u++) {
                int x = ref[u] & ~REVERSE;
                weight[u] = runStart[x + 1] - runStart[x];
            }
        }

        /**
         * One pass for base i (counted from the last base): every pair of entries whose codes differ
         * at base i only. Within a block of equal higher bases, entries are sorted by base i, then
         * by the lower bases; a partner of an entry of sub-block b is in sub-block b' != b with the
         * same lower bases, so each of the 6 sub-block pairs is intersected with two cursors.
         */
        void pass(int i, Pairs out) {
            final long[] code = this.code;
            final int highShift = 2 * i + 2;
            final int baseShift = 2 * i;
            final long lowMask = (1L << baseShift) - 1;
            final int[] cut = new int[5];
            int a = 0;
            while (a < n) {
                long h = code[a] >>> highShift;
                int blockEnd = a + 1;
                while (blockEnd < n && code[blockEnd] >>> highShift == h) {
                    blockEnd++;
                }
                if (blockEnd - a >= 2) {
                    int at = a;
                    cut[0] = a;
                    for (int base = 0; base < 3; base++) {
                        while (at < blockEnd && ((code[at] >>> baseShift) & 3) == base) {
                            at++;
                        }
                        cut[base + 1] = at;
                    }
                    cut[4] = blockEnd;
                    for (int b1 = 0; b1 < 3; b1++) {
                        if (cut[b1 + 1] == cut[b1]) {
                            continue;
                        }
                        for (int b2 = b1 + 1; b2 < 4; b2++) {
                            if (cut[b2 + 1] > cut[b2]) {
                                intersect(cut[b1], cut[b1 + 1], cut[b2], cut[b2 + 1], lowMask, out);
                            }
                        }
                    }
                }
                a = blockEnd;
            }
        }

        /** Finds entries of the two sorted runs with equal lower bases; each such pair is a neighbour pair. */
        private void intersect(int x, int xEnd, int y, int yEnd, long lowMask, Pairs out) {
            final long[] code = this.code;
            while (x < xEnd && y < yEnd) {
                long lx = code[x] & lowMask;
                long ly = code[y] & lowMask;
                if (lx == ly) {
                    // A k-mer and a reverse complement may share a code: runs of at most two.
                    int xe = x + 1;
                    while (xe < xEnd && (code[xe] & lowMask) == lx) {
                        xe++;
                    }
                    int ye = y + 1;
                    while (ye < yEnd && (code[ye] & lowMask) == ly) {
                        ye++;
                    }
                    for (int u = x; u < xe; u++) {
                        for (int v = y; v < ye; v++) {
                            pair(u, v, out);
                            pair(v, u, out);
                        }
                    }
                    x = xe;
                    y = ye;
                } else {
                    x += lx < ly ? 1 : 0;
                    y += ly < lx ? 1 : 0;
                }
            }
        }

        /** Entry v is a neighbour of entry u; only the genome's own k-mers are sources. */
        private void pair(int u, int v, Pairs out) {
            int source = ref[u];
            if (source < 0) {
                return;
            }
            out.bound[source] += weight[v];
            out.source.add(source);
            out.neighbour.add(ref[v]);
        }
    }
}
