package org.reprise.extend;

import org.reprise.params.Parameters;

/**
 * REPrise's "loose masking": the element a copy holds is found by aligning the final consensus to
 * the copy with the banded affine DP, rightwards from the seed's first base and leftwards from the
 * base before it, each side stopping {@code stopafter} steps after its last new best score; the
 * element runs from the best left step to the best right step, corrected by the best offset of
 * the column saved at each.
 *
 * <p>Three details of REPrise 1.0.1 are kept on purpose, because they decide element ends and
 * therefore the repeat mask, the BED and every later family:
 * <ul>
 *   <li>the copy's next I and D columns start at 0, not minus infinity, so the band edges (I at
 *       offset +W, D at offset -W) score 0 at every step;</li>
 *   <li>a reverse copy is read with the offset mirrored (step e, offset o reads reading-step e - o,
 *       where the extension reads e + o);</li>
 *   <li>a side that never beats 0 keeps step 0 and offset -W.</li>
 * </ul>
 * Stateless apart from scratch arrays: one instance per thread.
 */
public final class ElementAligner {
    private static final int MINUS_INF = ConsensusExtender.MINUS_INF;

    private final int match;
    private final int mismatch;
    private final int gap;
    private final int gapex;
    private final int w;
    private final int band;
    private final int stopAfter;
    private final int[] m, ins, del, nm, ni, nd, bestColumn;

    public ElementAligner(Parameters p) {
        this.match = p.match;
        this.mismatch = p.mismatch;
        this.gap = p.gap;
        this.gapex = p.gapex;
        this.w = p.maxGap;
        this.band = p.bandWidth();
        this.stopAfter = p.stopAfter;
        m = new int[band];
        ins = new int[band];
        del = new int[band];
        nm = new int[band];
        ni = new int[band];
        nd = new int[band];
        bestColumn = new int[band];
    }

    /**
     * The element of copy i as [start, end], inclusive, relative to the copy's position (its
     * k-mer's first base) on the forward strand. start may exceed end when neither side aligned.
     */
    public long[] align(SeedCopies copies, int i, Extension rightSide, Extension leftSide) {
        int[] r = alignSide(copies, i, true, rightSide);
        int rightStep = r[0], rightOffset = r[1];
        int[] l = alignSide(copies, i, false, leftSide);
        int leftStep = l[0], leftOffset = l[1];
        int k = copies.k();
        if (!copies.isReverse(i)) {
            return new long[] {-1L - leftStep - leftOffset, (long) rightStep + rightOffset};
        }
        return new long[] {(long) -rightStep + k - 1 - rightOffset, (long) leftStep + k + leftOffset};
    }

    /** Returns {best step, best offset} of one side. */
    private int[] alignSide(SeedCopies copies, int i, boolean right, Extension side) {
        byte[] codes = copies.contigCodes(i);
        long anchor = copies.anchor(i, right);
        int dir = copies.direction(i, right);
        boolean reverse = copies.isReverse(i);
        int sign = reverse ? -1 : 1;
        java.util.Arrays.fill(m, MINUS_INF);
        java.util.Arrays.fill(ins, MINUS_INF);
        java.util.Arrays.fill(del, MINUS_INF);
        java.util.Arrays.fill(bestColumn, MINUS_INF);
        m[w] = 0;
        for (int o = 1; o <= w; o++) {
            del[w + o] = gap + gapex * (o - 1);
        }
        int bestScore = 0;
        int bestStep = 0;
        int steps = side.length();
        for (int e = 0; e < steps; e++) {
            int cons = side.base(e);
            int colMax = MINUS_INF;
            for (int o = 0; o < band; o++) {
                long j = e + (long) sign * (o - w);
                int b = SeedCopies.read(codes, anchor + dir * j, reverse);
                int h = Math.max(m[o], Math.max(ins[o], del[o]));
                nm[o] = h + (cons == b ? match : mismatch);
            }
            for (int o = 0; o < band; o++) {
                ni[o] = o < band - 1 ? Math.max(m[o + 1] + gap, ins[o + 1] + gapex) : 0;
                nd[o] = o > 0 ? Math.max(nm[o - 1] + gap, nd[o - 1] + gapex) : 0;
            }
            for (int o = 0; o < band; o++) {
                m[o] = nm[o];
                ins[o] = ni[o];
                del[o] = nd[o];
                colMax = Math.max(colMax, Math.max(nm[o], Math.max(ni[o], nd[o])));
            }
            if (colMax > bestScore) {
                bestScore = colMax;
                bestStep = e;
                for (int o = 0; o < band; o++) {
                    bestColumn[o] = Math.max(m[o], Math.max(ins[o], del[o]));
                }
            }
            if (e - bestStep >= stopAfter) {
                break;
            }
        }
        int bestOffset = 0;
        for (int o = 1; o < band; o++) {
            if (bestColumn[bestOffset] < bestColumn[o]) {
                bestOffset = o;
            }
        }
        return new int[] {bestStep, bestOffset - w};
    }
}
