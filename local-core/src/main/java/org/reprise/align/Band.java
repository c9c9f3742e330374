package org.reprise.align;

/**
 * The diagonals an alignment of A with B (or with B's reverse complement, on {@link Strand#MINUS})
 * may use. The diagonal of a pair of positions is {@code posB - posA}, posB counted on the strand
 * of B that is aligned; the band is {@code [minDiagonal, maxDiagonal]}, both included.
 *
 * @param strand      which strand of B
 * @param minDiagonal the lowest diagonal, included
 * @param maxDiagonal the highest diagonal, included
 * @param support     how many shared k-mers the seed step found in the band (0 when the band was
 *                    given, not found)
 * @param seedSpan    the columns those seeds span: the larger of their spans on A and on B, from
 *                    the first seed's start to the last seed's end (0 when given, not found); an
 *                    alignment through all the seeds has at least this many columns
 */
public record Band(Strand strand, int minDiagonal, int maxDiagonal, int support, int seedSpan) {
    public Band {
        if (strand == null) {
            throw new IllegalArgumentException("strand is null");
        }
        if (maxDiagonal < minDiagonal) {
            throw new IllegalArgumentException("band [" + minDiagonal + ", " + maxDiagonal + "] is empty");
        }
        if (support < 0 || seedSpan < 0) {
            throw new IllegalArgumentException("support and seed span must be >= 0, got " + support + ", " + seedSpan);
        }
    }

    /** A band given, not found by the seed step (support and seed span 0). */
    public static Band of(Strand strand, int minDiagonal, int maxDiagonal) {
        return new Band(strand, minDiagonal, maxDiagonal, 0, 0);
    }

    /** Every diagonal of an A of {@code lengthA} and a B of {@code lengthB} bases: no restriction. */
    public static Band full(Strand strand, int lengthA, int lengthB) {
        return new Band(strand, -Math.max(lengthA - 1, 0), Math.max(lengthB - 1, 0), 0, 0);
    }

    /**
     * The most bases of A an alignment within this band can span, A and B having the given
     * lengths: A's positions that have a partner in B on some diagonal of the band. An exact
     * upper bound, so a caller may skip an alignment that could not reach a coverage threshold.
     */
    public int maxSpanA(int lengthA, int lengthB) {
        long span = Math.min(lengthA, (long) lengthB - minDiagonal) - Math.max(0, -(long) maxDiagonal);
        return (int) Math.max(0, Math.min(span, lengthA));
    }

    /** As {@link #maxSpanA}, for B (on the aligned strand, which has the same length). */
    public int maxSpanB(int lengthA, int lengthB) {
        long span = Math.min(lengthB, (long) lengthA + maxDiagonal) - Math.max(0, (long) minDiagonal);
        return (int) Math.max(0, Math.min(span, lengthB));
    }

    /** The number of diagonals. */
    public int width() {
        return maxDiagonal - minDiagonal + 1;
    }
}
