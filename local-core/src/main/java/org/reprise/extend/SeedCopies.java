package org.reprise.extend;

import org.reprise.genome.BaseCode;
import org.reprise.genome.Genome;

/**
 * The copies of one seed, each read outwards from the seed in the seed's orientation: forward
 * copies as the genome reads, reverse copies as the reverse complement. A copy is a genome position
 * (its k-mer's first base) and a strand.
 *
 * <p>Reading step j of side s (right: j = 0 is the seed's first base; left: j = 0 is the base
 * before the seed) of copy i reads genome base {@code anchor + dir * j}, complemented for a reverse
 * copy; anything outside the copy's contig reads as {@link BaseCode#INVALID}, which matches nothing,
 * as REPrise's separator bases do. Immutable.
 */
public final class SeedCopies {
    private final Genome genome;
    private final int k;
    private final long[] positions;
    private final boolean[] reverse;
    private final int[] contigOf;

    public SeedCopies(Genome genome, int k, long[] positions, boolean[] reverse) {
        if (positions.length != reverse.length) {
            throw new IllegalArgumentException("positions and strands differ in number");
        }
        this.genome = genome;
        this.k = k;
        this.positions = positions;
        this.reverse = reverse;
        this.contigOf = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            contigOf[i] = genome.contigIndexAt(positions[i]);
        }
    }

    public Genome genome() {
        return genome;
    }

    public int k() {
        return k;
    }

    public int size() {
        return positions.length;
    }

    public long position(int i) {
        return positions[i];
    }

    public boolean isReverse(int i) {
        return reverse[i];
    }

    public int contigIndex(int i) {
        return contigOf[i];
    }

    /** Codes of the contig holding copy i. */
    public byte[] contigCodes(int i) {
        return genome.codes(contigOf[i]);
    }

    /** Where copy i's reading starts, as an offset into its contig's codes, for one side. */
    public long anchor(int i, boolean right) {
        long local = positions[i] - genome.contig(contigOf[i]).start();
        if (right) {
            return reverse[i] ? local + k - 1 : local;
        }
        return reverse[i] ? local + k : local - 1;
    }

    /** +1 when reading runs with the genome, -1 against it. */
    public int direction(int i, boolean right) {
        return (right != reverse[i]) ? 1 : -1;
    }

    /** The base at a contig offset, complemented when {@code complement}; INVALID outside the contig. */
    static int read(byte[] codes, long at, boolean complement) {
        if (at < 0 || at >= codes.length) {
            return BaseCode.INVALID;
        }
        int b = codes[(int) at];
        return complement && b < BaseCode.INVALID ? 3 - b : b;
    }
}
