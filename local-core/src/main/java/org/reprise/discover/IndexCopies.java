package org.reprise.discover;

import org.reprise.index.HammingOneTable;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.seeds.CopyFinder;
import org.reprise.util.LongBuffer;

/**
 * A seed's copies from the genome's k-mer index ({@link CopyFinder}): the single-machine
 * {@link CopySource}. With one-mismatch copies, the neighbourhood table built for the seed
 * candidates gives them too (the same positions, without visiting the index's buckets: that
 * visit was a sixth of a -dist 1 run on fly chr2R).
 */
public final class IndexCopies implements CopySource {
    private final KmerIndex index;
    private final KmerCodec codec;
    private final HammingOneTable table;
    private final int keptFrom;
    private final ThreadLocal<CopyFinder> finder;

    public IndexCopies(KmerIndex index, int dist, int tandemDist) {
        this(index, dist, tandemDist, null, Integer.MAX_VALUE);
    }

    /**
     * @param table    the one-mismatch neighbourhoods of the index (dist 1), or null
     * @param keptFrom the bound from which the table kept a k-mer's neighbours ({@link HammingOneTable#build}):
     *                 other k-mers are looked up in the index
     */
    public IndexCopies(KmerIndex index, int dist, int tandemDist, HammingOneTable table, int keptFrom) {
        if (table != null && dist != 1) {
            throw new IllegalArgumentException("a neighbourhood table gives one-mismatch copies, not dist " + dist);
        }
        this.index = index;
        this.codec = index.codec();
        this.table = table;
        this.keptFrom = keptFrom;
        this.finder = ThreadLocal.withInitial(() -> new CopyFinder(index, dist, tandemDist));
    }

    @Override
    public void copies(long seed, LongBuffer forward, LongBuffer reverse) {
        CopyFinder f = finder.get();
        if (table != null) {
            int x = index.indexOf(seed);
            if (x >= 0 && table.bound(x) >= keptFrom) {
                table.positions(x, forward, reverse);
                f.sortAndFilter(forward);
                f.sortAndFilter(reverse);
                return;
            }
        }
        f.copies(seed, forward);
        f.copies(codec.reverseComplement(seed), reverse);
    }
}
