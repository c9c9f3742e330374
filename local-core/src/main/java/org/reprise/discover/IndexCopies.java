package org.reprise.discover;

import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.seeds.CopyFinder;
import org.reprise.util.LongBuffer;

/** A seed's copies from the genome's k-mer index ({@link CopyFinder}): the single-machine {@link CopySource}. */
public final class IndexCopies implements CopySource {
    private final KmerCodec codec;
    private final ThreadLocal<CopyFinder> finder;

    public IndexCopies(KmerIndex index, int dist, int tandemDist) {
        this.codec = index.codec();
        this.finder = ThreadLocal.withInitial(() -> new CopyFinder(index, dist, tandemDist));
    }

    @Override
    public void copies(long seed, LongBuffer forward, LongBuffer reverse) {
        CopyFinder f = finder.get();
        f.copies(seed, forward);
        f.copies(codec.reverseComplement(seed), reverse);
    }
}
