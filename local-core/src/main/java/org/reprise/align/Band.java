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
 */
public record Band(Strand strand, int minDiagonal, int maxDiagonal, int support) {
    public Band {
        if (strand == null) {
            throw new IllegalArgumentException("strand is null");
        }
        if (maxDiagonal < minDiagonal) {
            throw new IllegalArgumentException("band [" + minDiagonal + ", " + maxDiagonal + "] is empty");
        }
        if (support < 0) {
            throw new IllegalArgumentException("support must be >= 0, got " + support);
        }
    }

    /** Every diagonal of an A of {@code lengthA} and a B of {@code lengthB} bases: no restriction. */
    public static Band full(Strand strand, int lengthA, int lengthB) {
        return new Band(strand, -Math.max(lengthA - 1, 0), Math.max(lengthB - 1, 0), 0);
    }

    /** The number of diagonals. */
    public int width() {
        return maxDiagonal - minDiagonal + 1;
    }
}
