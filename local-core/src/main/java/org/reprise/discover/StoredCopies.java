package org.reprise.discover;

import org.reprise.seeds.SeedTable;
import org.reprise.util.LongBuffer;

/**
 * A seed's copies from a seed table that keeps them (the Spark driver's, which has no k-mer
 * index): the {@link CopySource} of a driver without the genome. Thread-safe (read-only).
 */
public final class StoredCopies implements CopySource {
    private final SeedTable seeds;

    /** @throws IllegalArgumentException if the table keeps no copies */
    public StoredCopies(SeedTable seeds) {
        if (!seeds.hasCopies()) {
            throw new IllegalArgumentException("the seed table keeps no copies");
        }
        this.seeds = seeds;
    }

    @Override
    public void copies(long seed, LongBuffer forward, LongBuffer reverse) {
        int i = seeds.indexOf(seed);
        if (i < 0) {
            throw new IllegalArgumentException("no seed with code " + seed);
        }
        seeds.copies(i, forward, reverse);
    }
}
