package org.reprise.spark.seeds;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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

    /** A reducer's blocks as two columns, canonical codes and tagged positions, in block order. */
    static long[][] concat(Iterator<KmerBlock> blocks) {
        List<KmerBlock> all = new ArrayList<>();
        int n = 0;
        while (blocks.hasNext()) {
            KmerBlock blk = blocks.next();
            all.add(blk);
            n += blk.size();
        }
        long[] canonical = new long[n];
        long[] tagged = new long[n];
        int at = 0;
        for (KmerBlock blk : all) {
            System.arraycopy(blk.canonical, 0, canonical, at, blk.size());
            System.arraycopy(blk.positionStrand, 0, tagged, at, blk.size());
            at += blk.size();
        }
        return new long[][] {canonical, tagged};
    }
}
