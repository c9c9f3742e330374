package org.reprise.seeds;

import org.reprise.genome.ContigDictionary;

/**
 * REPrise's tandem filter (docs/ALGORITHM.md, seed candidates): in a k-mer's copies sorted by
 * position, a copy that starts less than {@code tandemdist} after the copy before it (dropped or
 * not) is dropped. REPrise's 11,000-base separators keep copies on different contigs far apart, so
 * its filter never drops across a contig end; our contigs abut, so two close copies must also lie
 * on the same contig. The only implementation: local-core's index lookups and the Spark job's
 * counting reducers both call it.
 */
public final class TandemFilter {
    private final int tandemDist;
    private final ContigDictionary contigs;
    private final boolean oneContig;

    /**
     * @param tandemDist REPrise's -tandemdist (0 keeps every copy)
     * @param contigs    the contigs the positions lie on
     */
    public TandemFilter(int tandemDist, ContigDictionary contigs) {
        if (tandemDist < 0) {
            throw new IllegalArgumentException("-tandemdist must be 0 or more (got " + tandemDist + ")");
        }
        this.tandemDist = tandemDist;
        this.contigs = contigs;
        this.oneContig = contigs.contigCount() == 1;
    }

    /** Whether a copy at {@code p} is dropped after the copy at {@code prev} (prev &lt;= p, sorted order). */
    public boolean isTandem(long prev, long p) {
        return p - prev < tandemDist && (oneContig || contigs.sameContig(prev, p));
    }

    /** Filters {@code sorted[0..n)} (ascending) in place; returns how many copies are kept. */
    public int filter(long[] sorted, int n) {
        if (tandemDist == 0 || n < 2) {
            return n;
        }
        int w = 1;
        long prev = sorted[0];
        for (int i = 1; i < n; i++) {
            long p = sorted[i];
            if (!isTandem(prev, p)) {
                sorted[w++] = p;
            }
            prev = p;
        }
        return w;
    }

    /** Whether the filter can drop anything at all. */
    public boolean isActive() {
        return tandemDist > 0;
    }
}
