package org.reprise.simulate;

/**
 * One line of the truth BED: a run of one copy's bases that nothing interrupts. A copy split by
 * nested insertions has several pieces; the pieces of a copy, in order, concatenate to the copy's
 * sequence (or, for a copy cut by a contig end, to the part of it inside the contig).
 *
 * @param copy     the copy's id
 * @param contig   contig index
 * @param start    first base in the contig, 0-based
 * @param end      end in the contig, exclusive
 * @param copyFrom first base of the piece within the copy's planted sequence
 * @param index    1-based number of the piece within its copy
 * @param count    number of pieces of the copy
 */
public record TruthPiece(int copy, int contig, long start, long end, int copyFrom, int index, int count) {
    /** @return the piece's length in bases. */
    public long length() {
        return end - start;
    }
}
