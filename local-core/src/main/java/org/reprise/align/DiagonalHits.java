package org.reprise.align;

import java.util.Arrays;

/**
 * The seeds (shared k-mers) of one pair of sequences, and the band they support. A seed is a pair
 * of positions: where a k-mer starts in A and where the same k-mer starts in the aligned strand
 * of B; its diagonal is {@code posB - posA}. {@link #band} picks the best-supported group of
 * diagonals and widens it by the margin of {@link Seeding} (that class says how the margin is
 * chosen). Reusable scratch: {@link #clear()} between pairs; one instance per thread.
 */
public final class DiagonalHits {
    private final Seeding seeding;
    /** (diagonal << 32) | posA: sorting sorts by diagonal, then by posA. */
    private long[] hits = new long[256];
    private long[] byPosA = new long[256];
    private int size;

    public DiagonalHits(Seeding seeding) {
        if (seeding == null) {
            throw new IllegalArgumentException("seeding is null");
        }
        this.seeding = seeding;
    }

    /** Forgets every seed. */
    public void clear() {
        size = 0;
    }

    /** The number of seeds added since the last {@link #clear()}. */
    public int size() {
        return size;
    }

    /**
     * Adds a seed: the same k-mer starts at {@code posA} in A and at {@code posB} in the aligned
     * strand of B (both 0-based).
     *
     * @throws IllegalArgumentException if a position is negative
     */
    public void add(int posA, int posB) {
        if ((posA | posB) < 0) {
            throw new IllegalArgumentException("seed positions must be >= 0, got " + posA + ", " + posB);
        }
        if (size == hits.length) {
            hits = Arrays.copyOf(hits, size * 2);
        }
        hits[size++] = ((long) (posB - posA) << 32) | (posA & 0xffffffffL);
    }

    /**
     * The band of the best-supported group of diagonals, widened by the margin; null when there is
     * no seed. Sorts the seeds (they stay added).
     *
     * @param strand  the strand of B the seeds were found on (copied into the band)
     * @param lengthA A's length, for the end flanks and to clip the band
     * @param lengthB B's length
     */
    public Band band(Strand strand, int lengthA, int lengthB) {
        if (size == 0) {
            return null;
        }
        Arrays.sort(hits, 0, size);
        int k = seeding.k();
        int minMargin = seeding.minMargin();
        long window = minMargin + (long) Math.ceil(seeding.drift() * Math.min(lengthA, lengthB));
        // The window of diagonals [d, d + window] holding the most seeds; the lowest d on ties.
        int bestLo = 0, bestHi = 0;
        for (int lo = 0, hi = 0; lo < size; lo++) {
            if (hi < lo) {
                hi = lo;
            }
            long d = diagonal(lo);
            while (hi + 1 < size && diagonal(hi + 1) - d <= window) {
                hi++;
            }
            if (hi - lo > bestHi - bestLo) {
                bestLo = lo;
                bestHi = hi;
            }
        }
        // Seeds at an edge of the window separated from the rest by more than minMargin diagonals,
        // and fewer than max(2, 1%) of the window's seeds, are chance: a k-mer repeated within
        // one sequence puts a short run of seeds on another diagonal. A real segment beyond a
        // large indel holds far more of the seeds.
        int minGroup = Math.max(2, (int) Math.ceil(0.01 * (bestHi - bestLo + 1)));
        int lo = bestLo, hi = bestHi;
        while (lo < hi) {
            int g = lo;
            while (g < hi && diagonal(g + 1) - diagonal(g) <= minMargin) {
                g++;
            }
            if (g == hi || g - lo + 1 >= minGroup) {
                break;
            }
            lo = g + 1;
        }
        while (hi > lo) {
            int g = hi;
            while (g > lo && diagonal(g) - diagonal(g - 1) <= minMargin) {
                g--;
            }
            if (g == lo || hi - g + 1 >= minGroup) {
                break;
            }
            hi = g - 1;
        }
        int n = hi - lo + 1;
        int minDiagonal = diagonal(lo);
        int maxDiagonal = diagonal(hi);
        // The longest stretch no seed covers: between consecutive seeds along A, and from the outer
        // seeds to the nearer end of either sequence (an alignment stops at the first end it meets).
        if (byPosA.length < n) {
            byPosA = new long[Math.max(n, byPosA.length * 2)];
        }
        for (int t = 0; t < n; t++) {
            long h = hits[lo + t];
            byPosA[t] = ((h & 0xffffffffL) << 32) | ((h >> 32) - minDiagonal);
        }
        Arrays.sort(byPosA, 0, n);
        int firstA = (int) (byPosA[0] >>> 32);
        int firstB = firstA + minDiagonal + (int) (byPosA[0] & 0xffffffffL);
        int lastA = (int) (byPosA[n - 1] >>> 32);
        int lastB = lastA + minDiagonal + (int) (byPosA[n - 1] & 0xffffffffL);
        int minB = Integer.MAX_VALUE, maxB = Integer.MIN_VALUE;
        for (int t = lo; t <= hi; t++) {
            int posB = diagonal(t) + (int) hits[t];
            minB = Math.min(minB, posB);
            maxB = Math.max(maxB, posB);
        }
        int seedSpan = Math.max(lastA - firstA, maxB - minB) + k;
        long unseeded = Math.max(Math.min(firstA, firstB), Math.min(lengthA - lastA - k, lengthB - lastB - k));
        for (int t = 1; t < n; t++) {
            long gap = (byPosA[t] >>> 32) - (byPosA[t - 1] >>> 32) - k;
            unseeded = Math.max(unseeded, gap);
        }
        long margin = minMargin + (long) Math.ceil(seeding.drift() * unseeded);
        long from = Math.max((long) minDiagonal - margin, -(long) Math.max(lengthA - 1, 0));
        long to = Math.min((long) maxDiagonal + margin, Math.max(lengthB - 1, 0));
        if (to < from) {
            // only when the seeds themselves lie off the sequences: a caller's bug
            throw new IllegalStateException("seeds outside sequences of " + lengthA + " and " + lengthB + " bases");
        }
        return new Band(strand, (int) from, (int) to, n, seedSpan);
    }

    private int diagonal(int t) {
        return (int) (hits[t] >> 32);
    }
}
