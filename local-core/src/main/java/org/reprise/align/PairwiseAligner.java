package org.reprise.align;

import java.util.Arrays;

/**
 * Local alignment (Smith-Waterman) of two DNA sequences with affine gaps ({@link Scoring}),
 * restricted to a band of diagonals ({@link Band}), in O(length x band width) time and O(band
 * width) memory. The band is given, or found by a seed step on both strands ({@link Seeding}).
 *
 * <p>No traceback matrix: every cell carries, with its score, the counts of the best path ending
 * there (matches and mismatches in one long, the gap columns on each side in another), so the best
 * cell alone gives the counts, and with them the start of the alignment. Where two paths tie, the
 * one kept is, in this order: the diagonal step, then a gap in B (a base of A alone), then a gap
 * in A; a gap is extended rather than opened; a path that scores 0 or less is dropped (the
 * alignment restarts). The alignment reported is the first best cell in row order (A's position,
 * then B's). A traceback that follows the same preferences gives the same counts (the tests check
 * this against a full-matrix reference).
 *
 * <p>Not thread-safe: the scratch arrays are reused between calls; one instance per thread.
 */
public final class PairwiseAligner {
    private static final int NEG = Integer.MIN_VALUE / 4;
    private static final long ONE_HIGH = 1L << 32;

    private final Scoring scoring;
    private final Seeding seeding;
    private final DiagonalHits hits;
    private int[] h = new int[0], f = new int[0];
    /** Per cell of the band: (matches << 32 | mismatches) and (A-only columns << 32 | B-only columns). */
    private long[] hCounts = new long[0], hGaps = new long[0], fCounts = new long[0], fGaps = new long[0];
    private byte[] reverse = new byte[0];
    private long[] kmersA = new long[0], kmersB = new long[0];

    /** blastn's scores ({@link Scoring#BLASTN}) and the default seed step ({@link Seeding#DEFAULT}). */
    public PairwiseAligner() {
        this(Scoring.BLASTN, Seeding.DEFAULT);
    }

    public PairwiseAligner(Scoring scoring, Seeding seeding) {
        if (scoring == null || seeding == null) {
            throw new IllegalArgumentException("scoring and seeding must not be null");
        }
        this.scoring = scoring;
        this.seeding = seeding;
        this.hits = new DiagonalHits(seeding);
    }

    public Scoring scoring() {
        return scoring;
    }

    public Seeding seeding() {
        return seeding;
    }

    /**
     * The best local alignment of A with B on either strand: the seed step finds each strand's
     * band, each strand with a seed is aligned in its band, and the higher score wins (the plus
     * strand on a tie). With no shared k-mer on either strand, an empty alignment.
     *
     * @param a codes of A (0..3 bases, anything else invalid)
     * @param b codes of B
     */
    public Alignment align(byte[] a, byte[] b) {
        checkArgs(a, b);
        Band plus = band(a, b, Strand.PLUS);
        Band minus = band(a, b, Strand.MINUS);
        Alignment best = plus == null ? Alignment.empty(Strand.PLUS, a.length, b.length) : align(a, b, plus);
        if (minus != null) {
            Alignment m = align(a, b, minus);
            if (m.score() > best.score()) {
                best = m;
            }
        }
        return best;
    }

    /**
     * The best local alignment of A with B (or, for {@link Strand#MINUS}, with B's reverse
     * complement) within the band; the band is clipped to the diagonals that exist. Coordinates
     * of the result are on B's forward strand (see {@link Alignment}).
     */
    public Alignment align(byte[] a, byte[] b, Band band) {
        checkArgs(a, b);
        if (band == null) {
            throw new IllegalArgumentException("band is null");
        }
        byte[] bb = b;
        if (band.strand() == Strand.MINUS) {
            bb = reverseOf(b);
        }
        return alignBand(a, bb, b.length, band.strand(), band.minDiagonal(), band.maxDiagonal());
    }

    /**
     * The seed step alone: the band of the best-supported group of shared k-mers between A and the
     * given strand of B, or null when they share no k-mer. A k-mer is used at its first
     * {@link Seeding#maxOccurrences()} positions in A.
     */
    public Band band(byte[] a, byte[] b, Strand strand) {
        checkArgs(a, b);
        if (strand == null) {
            throw new IllegalArgumentException("strand is null");
        }
        byte[] bb = strand == Strand.MINUS ? reverseOf(b) : b;
        int k = seeding.k();
        kmersA = kmers(a, a.length, k, kmersA);
        int na = count;
        kmersB = kmers(bb, b.length, k, kmersB);
        int nb = count;
        hits.clear();
        int cap = seeding.maxOccurrences();
        for (int i = 0, j = 0; i < na && j < nb; ) {
            long ka = kmersA[i] >>> 32, kb = kmersB[j] >>> 32;
            if (ka < kb) {
                i++;
            } else if (kb < ka) {
                j++;
            } else {
                int iEnd = i, jEnd = j;
                while (iEnd < na && kmersA[iEnd] >>> 32 == ka) {
                    iEnd++;
                }
                while (jEnd < nb && kmersB[jEnd] >>> 32 == ka) {
                    jEnd++;
                }
                int iStop = Math.min(iEnd, i + cap);
                for (int x = i; x < iStop; x++) {
                    int posA = (int) kmersA[x];
                    for (int y = j; y < jEnd; y++) {
                        hits.add(posA, (int) kmersB[y]);
                    }
                }
                i = iEnd;
                j = jEnd;
            }
        }
        return hits.band(strand, a.length, b.length);
    }

    /** Set by {@link #kmers}: the number of k-mers written. */
    private int count;

    /** The valid k-mers of s[0, n) as (code << 32 | position), sorted, into out (grown if needed). */
    private long[] kmers(byte[] s, int n, int k, long[] out) {
        if (out.length < n) {
            out = new long[Math.max(n, out.length * 2)];
        }
        int c = 0;
        int mask = (1 << (2 * k)) - 1;
        int code = 0;
        int valid = 0;
        for (int i = 0; i < n; i++) {
            int x = s[i];
            if ((x & ~3) != 0) {
                valid = 0;
                continue;
            }
            code = ((code << 2) | x) & mask;
            if (++valid >= k) {
                out[c++] = ((long) code << 32) | (i - k + 1);
            }
        }
        Arrays.sort(out, 0, c);
        count = c;
        return out;
    }

    private byte[] reverseOf(byte[] b) {
        if (reverse.length < b.length) {
            reverse = new byte[Math.max(b.length, reverse.length * 2)];
        }
        Dna.reverseComplement(b, b.length, reverse);
        return reverse;
    }

    private static void checkArgs(byte[] a, byte[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("sequences must not be null");
        }
    }

    /**
     * The banded DP. Cells are addressed by row i (A's position) and o = j - i - minD (the offset
     * in the band); one array per state holds the previous row while the current row overwrites
     * it left to right: cell o reads the previous row's o (diagonal) and o + 1 (a gap in B) before
     * they are overwritten, and the current row's o - 1 (a gap in A) from scalars. Index w is a
     * sentinel outside the band (score 0, no open gap); cells before a row's first one were never
     * written (0 too): both mean "an alignment may start here".
     */
    private Alignment alignBand(byte[] a, byte[] b, int lengthB, Strand strand, int minDiagonal, int maxDiagonal) {
        int lengthA = a.length;
        long lo = Math.max(minDiagonal, -(long) (lengthA - 1));
        long hi = Math.min(maxDiagonal, (long) lengthB - 1);
        if (lengthA == 0 || lengthB == 0 || lo > hi) {
            return Alignment.empty(strand, lengthA, lengthB);
        }
        int minD = (int) lo;
        int w = (int) (hi - lo + 1);
        ensureBand(w + 1);
        Arrays.fill(h, 0, w + 1, 0);
        Arrays.fill(hCounts, 0, w + 1, 0);
        Arrays.fill(hGaps, 0, w + 1, 0);
        Arrays.fill(f, 0, w + 1, NEG);
        final int match = scoring.match(), mismatch = scoring.mismatch();
        final int extend = scoring.gapExtend(), openExtend = scoring.gapOpen() + scoring.gapExtend();
        final int[] h = this.h, f = this.f;
        final long[] hCounts = this.hCounts, hGaps = this.hGaps, fCounts = this.fCounts, fGaps = this.fGaps;

        int best = 0, bestI = -1, bestJ = -1;
        long bestCounts = 0, bestGaps = 0;
        int iFirst = (int) Math.max(0, -hi);
        int iLast = (int) Math.min(lengthA - 1, lengthB - 1 - lo);
        for (int i = iFirst; i <= iLast; i++) {
            int base = i + minD;
            int oLo = Math.max(0, -base);
            int oHi = Math.min(w - 1, lengthB - 1 - base);
            int ai = a[i];
            boolean aValid = (ai & ~3) == 0;
            int e = NEG;
            long eCounts = 0, eGaps = 0;
            int left = 0;
            long leftCounts = 0, leftGaps = 0;
            for (int o = oLo; o <= oHi; o++) {
                int j = base + o;
                boolean same = aValid && ai == b[j];
                // diagonal step from (i-1, j-1)
                int v = h[o] + (same ? match : mismatch);
                long vCounts = hCounts[o] + (same ? ONE_HIGH : 1L);
                long vGaps = hGaps[o];
                // a base of A alone, from (i-1, j): F
                int fExt = f[o + 1] + extend;
                int fOpen = h[o + 1] + openExtend;
                int fv;
                long fvCounts, fvGaps;
                if (fExt >= fOpen) {
                    fv = fExt;
                    fvCounts = fCounts[o + 1];
                    fvGaps = fGaps[o + 1] + ONE_HIGH;
                } else {
                    fv = fOpen;
                    fvCounts = hCounts[o + 1];
                    fvGaps = hGaps[o + 1] + ONE_HIGH;
                }
                // a base of B alone, from (i, j-1): E
                int eExt = e + extend;
                int eOpen = left + openExtend;
                if (eExt >= eOpen) {
                    e = eExt;
                    eGaps += 1L;
                } else {
                    e = eOpen;
                    eCounts = leftCounts;
                    eGaps = leftGaps + 1L;
                }
                if (fv > v) {
                    v = fv;
                    vCounts = fvCounts;
                    vGaps = fvGaps;
                }
                if (e > v) {
                    v = e;
                    vCounts = eCounts;
                    vGaps = eGaps;
                }
                if (v <= 0) {
                    v = 0;
                    vCounts = 0;
                    vGaps = 0;
                }
                h[o] = v;
                hCounts[o] = vCounts;
                hGaps[o] = vGaps;
                f[o] = fv;
                fCounts[o] = fvCounts;
                fGaps[o] = fvGaps;
                left = v;
                leftCounts = vCounts;
                leftGaps = vGaps;
                if (v > best) {
                    best = v;
                    bestI = i;
                    bestJ = j;
                    bestCounts = vCounts;
                    bestGaps = vGaps;
                }
            }
        }
        if (best == 0) {
            return Alignment.empty(strand, lengthA, lengthB);
        }
        int matches = (int) (bestCounts >>> 32), mismatches = (int) bestCounts;
        int onlyA = (int) (bestGaps >>> 32), onlyB = (int) bestGaps;
        int endA = bestI + 1, startA = endA - matches - mismatches - onlyA;
        int endB = bestJ + 1, startB = endB - matches - mismatches - onlyB;
        if (strand == Strand.MINUS) {
            int s = lengthB - endB;
            endB = lengthB - startB;
            startB = s;
        }
        return new Alignment(strand, best, startA, endA, lengthA, startB, endB, lengthB, matches, mismatches,
                onlyA + onlyB);
    }

    private void ensureBand(int n) {
        if (h.length < n) {
            int c = Math.max(n, h.length * 2);
            h = new int[c];
            f = new int[c];
            hCounts = new long[c];
            hGaps = new long[c];
            fCounts = new long[c];
            fGaps = new long[c];
        }
    }
}
