package org.reprise.align;

/**
 * The parameters of the seed step that finds an alignment's band: shared k-mers of length
 * {@code k}, grouped by diagonal; the best-supported group of diagonals, widened by a margin.
 *
 * <p>How the margin is chosen. Between two seeds, and beyond the outermost seeds, the alignment
 * can leave the diagonals the seeds lie on: by the length of an indel between two seeds, or by
 * the net indel drift of a stretch no seed covers. The margin is {@code minMargin} (8: an indel
 * of up to 8 bases between two seeds, or an insertion then a deletion of that size, stays inside)
 * plus {@code drift} times the longest stretch without a seed (between two seeds along A, or from
 * an outer seed to the nearer end of either sequence). With {@code drift = 0.10}, a stretch of
 * 300 unseeded bases may drift by 30 diagonals, enough for 10% of its columns being one-sided
 * indels; the seeds themselves follow any drift over the seeded part. On simulated pairs of 60 to
 * 3,000 bases at 70-86% identity (5% of the differences insertions, 5% deletions), a margin of 8
 * gave the same accepted alignment as the full matrix in every case, as did 16, with bands 16
 * diagonals narrower (mean 39 against 55 at 1,000 bases). The band's width is about
 * 2 x minMargin plus the seeds' spread plus the drift allowance, and the cost of a banded
 * alignment is O(length x width).
 *
 * <p>The group is chosen among windows of {@code minMargin + drift * shorter length} diagonals
 * (the drift an indel rate of 10% could give over the whole alignment), as the window holding
 * the most seeds; a group of seeds at either edge of it, separated from the rest by more than
 * {@code minMargin} diagonals and holding fewer than max(2, 1%) of the window's seeds, is dropped
 * as chance (a single chance seed, or a k-mer repeated within one sequence, which puts a short
 * run of seeds on another diagonal).
 *
 * @param k              k-mer length, 4..12
 * @param drift          indel drift allowed per unseeded base, 0..1
 * @param minMargin      diagonals added on each side of the seeds whatever the drift, >= 0
 * @param maxOccurrences a k-mer is used at its first {@code maxOccurrences} positions in the
 *                       indexed (first) sequence only, so that simple repeats (a few k-mers
 *                       repeated hundreds of times) cost O(length x maxOccurrences), not
 *                       O(length^2); >= 1
 */
public record Seeding(int k, double drift, int minMargin, int maxOccurrences) {
    /** k = 11, drift 0.10, margin 8, 64 occurrences. */
    public static final Seeding DEFAULT = new Seeding(11, 0.10, 8, 64);

    /** Largest k: the k-mer index of {@code SequenceIndex} is a table of 4^k entries. */
    public static final int MAX_K = 12;

    public Seeding {
        if (k < 4 || k > MAX_K) {
            throw new IllegalArgumentException("k must be in 4.." + MAX_K + ", got " + k);
        }
        if (!(drift >= 0 && drift <= 1)) {
            throw new IllegalArgumentException("drift must be in 0..1, got " + drift);
        }
        if (minMargin < 0) {
            throw new IllegalArgumentException("minMargin must be >= 0, got " + minMargin);
        }
        if (maxOccurrences < 1) {
            throw new IllegalArgumentException("maxOccurrences must be >= 1, got " + maxOccurrences);
        }
    }

    /** The same with another k. */
    public Seeding withK(int newK) {
        return new Seeding(newK, drift, minMargin, maxOccurrences);
    }

    /**
     * The fewest seeds (distinct positions of the second sequence starting a shared k-mer) that an
     * alignment of {@code columns} columns at {@code identity} is likely to hold, so that a pair
     * with fewer is not worth aligning. When differences fall independently, a column starts a
     * conserved k-mer with probability {@code p = identity^k}; the count over C columns has mean
     * {@code (C - k + 1) p} and, runs of matches making neighbouring k-mers share their fate,
     * variance about {@code C p (1 + identity - p) / (1 - identity)} (within 5% of simulated means
     * and slightly above simulated spreads, from 100 to 8,000 columns). The threshold is the larger
     * of a quarter of the mean (short alignments, where the spread is as large as the mean) and the
     * mean minus 3 standard deviations (long ones, where it concentrates: at 3,000 columns it
     * rejects most pairs at 73% identity and keeps nearly all at 80%), and at least 1. A worst
     * case bound is of no use here: at 80% identity one difference every 5 bases leaves no 11-mer,
     * nor any 5-mer, intact.
     *
     * @param columns  the columns of the alignment (a lower bound on them), >= 0
     * @param identity the identity it would have, in (0, 1]
     */
    public int minimumSeeds(int columns, double identity) {
        if (columns < k) {
            return 1;
        }
        double p = Math.pow(identity, k);
        double mean = (columns - k + 1) * p;
        double sd = identity >= 1 ? 0 : Math.sqrt(columns * p * (1 + identity - p) / (1 - identity));
        double threshold = identity >= 1 ? mean / 4 : Math.max(mean / 4, mean - 3 * sd);
        return Math.max(1, (int) Math.floor(threshold));
    }
}
