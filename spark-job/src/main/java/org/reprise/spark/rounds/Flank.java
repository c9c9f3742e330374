package org.reprise.spark.rounds;

/**
 * The bases around one copy, cut by the partition that owns the copy's position and shuffled to
 * the task drafting its seed: contig codes from {@code radius} bases before the copy to
 * {@code k + radius} after it (less at a contig end); {@code offset} is the copy's index in it.
 */
public final class Flank {
    final int request;
    final int copy;
    final int offset;
    final byte[] codes;

    Flank(int request, int copy, int offset, byte[] codes) {
        this.request = request;
        this.copy = copy;
        this.offset = offset;
        this.codes = codes;
    }
}
