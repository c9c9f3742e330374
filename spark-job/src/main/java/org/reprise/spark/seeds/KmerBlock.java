package org.reprise.spark.seeds;

/**
 * The k-mer occurrences one partition sends to one reducer in the counting shuffle: canonical
 * k-mer codes and, at the same index, {@code genomePosition << 1 | strand} (strand 1 when the
 * genome reads the canonical k-mer's reverse complement there). One object per (map, reduce) pair
 * instead of one record per position: 16 bytes a position, no boxing.
 */
public final class KmerBlock {
    final long[] canonical;
    final long[] positionStrand;

    KmerBlock(long[] canonical, long[] positionStrand) {
        this.canonical = canonical;
        this.positionStrand = positionStrand;
    }

    public int size() {
        return canonical.length;
    }
}
