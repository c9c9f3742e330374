package org.reprise.extend;

import org.reprise.params.Parameters;

/**
 * Grows one side of a consensus by aligning every copy of the seed at once (REPrise's extension).
 *
 * <p>Each copy keeps a banded affine column over offsets -W..W (states M, I = insertion in the copy,
 * D = deletion in the copy). At step e, for each candidate base b the copy's next column is
 * {@code M'[o] = max(M,I,D)[o] + (b == copy[e+o] ? match : mismatch)},
 * {@code I'[o] = max(M[o+1] + gap, I[o+1] + gapex)}, {@code D'[o] = max(M'[o-1] + gap, D'[o-1] + gapex)},
 * and {@code s_i(b)} is its best value. The consensus takes the b maximising
 * {@code sum_i max(0, best_i + cappenalty, s_i(b))} (ties to A &lt; C &lt; G &lt; T). The side stops
 * after {@code stopafter} steps without the total improving by {@code minimprovement} per step.
 *
 * <p>"Minus infinity" is REPrise's -100000, with REPrise's integer arithmetic on it, so that every
 * score and therefore every tie comes out as in REPrise. Per step and copy, the four candidate
 * scores come from the best h in each offset class (offsets where the copy reads A, C, G, T, or an
 * invalid base) and the best I', without building four columns; only the chosen base's column is
 * built. Not thread-safe: one instance per thread.
 */
public final class ConsensusExtender {
    /** REPrise's MINSCORE. */
    static final int MINUS_INF = -100_000;
    /** Best h of an offset class with no member: below anything a real or "infinite" score reaches. */
    private static final int EMPTY = Integer.MIN_VALUE / 4;

    private final int match;
    private final int mismatch;
    private final int gap;
    private final int gapex;
    private final int cap;
    private final int w;
    private final int band;
    private final int maxExtend;
    private final int stopAfter;
    private final int minImprovement;

    public ConsensusExtender(Parameters p) {
        this.match = p.match;
        this.mismatch = p.mismatch;
        this.gap = p.gap;
        this.gapex = p.gapex;
        this.cap = p.capPenalty;
        this.w = p.maxGap;
        this.band = p.bandWidth();
        this.maxExtend = p.maxExtend;
        this.stopAfter = p.stopAfter;
        this.minImprovement = p.minImprovement;
    }

    /** Extends the right side (from the seed's first base) or the left side (from the base before it). */
    public Extension extend(SeedCopies copies, boolean right) {
        final int n = copies.size();
        final int band = this.band;
        final int[] m = new int[n * band];
        final int[] ins = new int[n * band];
        final int[] del = new int[n * band];
        final int[] best = new int[n];
        final byte[][] codes = new byte[n][];
        final long[] anchor = new long[n];
        final int[] dir = new int[n];
        final boolean[] comp = new boolean[n];
        for (int i = 0; i < n; i++) {
            codes[i] = copies.contigCodes(i);
            anchor[i] = copies.anchor(i, right);
            dir[i] = copies.direction(i, right);
            comp[i] = copies.isReverse(i);
            int base = i * band;
            java.util.Arrays.fill(m, base, base + band, MINUS_INF);
            java.util.Arrays.fill(ins, base, base + band, MINUS_INF);
            java.util.Arrays.fill(del, base, base + band, MINUS_INF);
            m[base + w] = 0;
            for (int o = 1; o <= w; o++) {
                del[base + w + o] = gap + gapex * (o - 1);
            }
        }
        final byte[] window = new byte[n * band];
        final int[] h = new int[n * band];
        final int[] ip = new int[n * band];
        final int[] score = new int[n * 4];
        final int[] classMax = new int[5];
        final long[] total = new long[4];
        byte[] consensus = new byte[Math.min(maxExtend, 1024)];
        int bestStep = -1;
        long bestTotal = 0;

        for (int e = 0; e < maxExtend; e++) {
            total[0] = total[1] = total[2] = total[3] = 0;
            // Pass 1: every copy's best score s_i(b) for the four bases. s_i(b) = max(max_o I'[o],
            // max_o M'_b[o]): D' never exceeds it because gap and gapex are <= 0 (checked by
            // Parameters), and I' does not depend on b. max_o M'_b[o] is the best h over offsets
            // where the copy has b, plus match, or the best h elsewhere, plus mismatch.
            for (int i = 0; i < n; i++) {
                final int base = i * band;
                loadWindow(codes[i], anchor[i], dir[i], comp[i], e, window, base);
                classMax[0] = classMax[1] = classMax[2] = classMax[3] = classMax[4] = EMPTY;
                for (int o = 0; o < band; o++) {
                    int v = Math.max(m[base + o], Math.max(ins[base + o], del[base + o]));
                    h[base + o] = v;
                    int c = window[base + o];
                    if (v > classMax[c]) {
                        classMax[c] = v;
                    }
                }
                int ipMax = MINUS_INF;
                for (int o = 0; o < band - 1; o++) {
                    int v = Math.max(m[base + o + 1] + gap, ins[base + o + 1] + gapex);
                    ip[base + o] = v;
                    if (v > ipMax) {
                        ipMax = v;
                    }
                }
                ip[base + band - 1] = MINUS_INF;
                final int floor = Math.max(0, best[i] + cap);
                // The best class gives every "best h elsewhere" at once: for b other than the
                // top class it is the top's maximum. For b = top, the best elsewhere is at most
                // classMax[top], so its mismatch term never beats classMax[top] + match
                // (match > 0 >= mismatch, Parameters checks): the term is left out. (Mutation
                // testing found the runner-up this once computed for it to change nothing.)
                int top = 0;
                for (int c = 1; c < 5; c++) {
                    if (classMax[c] > classMax[top]) {
                        top = c;
                    }
                }
                for (int b = 0; b < 4; b++) {
                    int s = b == top ? Math.max(ipMax, classMax[b] + match)
                            : Math.max(ipMax, Math.max(classMax[b] + match, classMax[top] + mismatch));
                    score[4 * i + b] = s;
                    total[b] += Math.max(floor, s);
                }
            }
            int chosen = 0;
            for (int b = 1; b < 4; b++) {
                if (total[b] > total[chosen]) {
                    chosen = b;
                }
            }
            if (e == consensus.length) {
                consensus = java.util.Arrays.copyOf(consensus, Math.min(maxExtend, consensus.length * 2));
            }
            consensus[e] = (byte) chosen;

            // Pass 2: every copy keeps the column of the chosen base.
            long stepTotal = 0;
            for (int i = 0; i < n; i++) {
                final int base = i * band;
                int mPrev = h[base] + (window[base] == chosen ? match : mismatch);
                int dPrev = MINUS_INF;
                m[base] = mPrev;
                ins[base] = ip[base];
                del[base] = MINUS_INF;
                for (int o = 1; o < band; o++) {
                    int mo = h[base + o] + (window[base + o] == chosen ? match : mismatch);
                    int d = Math.max(mPrev + gap, dPrev + gapex);
                    m[base + o] = mo;
                    ins[base + o] = ip[base + o];
                    del[base + o] = d;
                    mPrev = mo;
                    dPrev = d;
                }
                int cur = score[4 * i + chosen];
                if (cur > best[i]) {
                    best[i] = cur;
                }
                stepTotal += Math.max(cur, best[i] + cap);
            }
            if (stepTotal >= bestTotal + (long) (e - bestStep) * minImprovement) {
                bestStep = e;
                bestTotal = stepTotal;
            }
            if (e - bestStep >= stopAfter) {
                break;
            }
        }
        return new Extension(java.util.Arrays.copyOf(consensus, bestStep + 1), bestStep);
    }

    /** Bases of copy i for offsets -W..W at step e, i.e. reading steps e-W..e+W. */
    private void loadWindow(byte[] codes, long anchor, int dir, boolean comp, int e, byte[] window, int base) {
        long first = anchor + (long) dir * (e - w);
        long last = anchor + (long) dir * (e + w);
        if (Math.min(first, last) >= 0 && Math.max(first, last) < codes.length) {
            int at = (int) first;
            for (int o = 0; o < band; o++, at += dir) {
                int b = codes[at];
                window[base + o] = (byte) (comp && b < 4 ? 3 - b : b);
            }
        } else {
            for (int o = 0; o < band; o++) {
                window[base + o] = (byte) SeedCopies.read(codes, first + (long) dir * o, comp);
            }
        }
    }
}
