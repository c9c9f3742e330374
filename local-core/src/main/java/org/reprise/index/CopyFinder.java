package org.reprise.index;

import org.reprise.genome.Genome;

import java.util.Arrays;

/**
 * The copies of a k-mer as REPrise counts them: every position whose k-mer is within {@code dist}
 * mismatches of the query, ascending, after the tandem filter (a copy starting less than
 * {@code tandemDist} after the copy before it in that sorted list, dropped or not, is dropped).
 *
 * <p>REPrise's 11,000-base separators keep copies on different contigs far apart, so its tandem
 * filter never drops across a contig end; our contigs abut, so we check the contig when two copies
 * are close.
 *
 * <p>Holds scratch buffers: one instance per thread.
 */
public final class CopyFinder {
    private final KmerIndex index;
    private final Genome genome;
    private final int dist;
    private final int tandemDist;
    private final IntBuffer neighbours = new IntBuffer(64);
    private final boolean oneContig;

    public CopyFinder(KmerIndex index, int dist, int tandemDist) {
        this.index = index;
        this.genome = index.genome();
        this.dist = dist;
        this.tandemDist = tandemDist;
        this.oneContig = genome.contigCount() == 1;
    }

    public KmerIndex index() {
        return index;
    }

    /**
     * Writes the tandem-filtered copies of {@code code} into {@code out} (replacing its content)
     * and returns their number.
     */
    public int copies(long code, IntBuffer out) {
        out.clear();
        int n = index.neighbours(code, dist, neighbours);
        if (n == 0) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += index.occurrenceCount(neighbours.get(i));
        }
        int[] buf = out.ensureCapacity(total);
        int w = 0;
        for (int i = 0; i < n; i++) {
            int kmer = neighbours.get(i);
            for (int s = index.occurrenceStart(kmer), e = index.occurrenceEnd(kmer); s < e; s++) {
                buf[w++] = index.position(s);
            }
        }
        out.setSize(w);
        return n > 1 ? sortAndFilter(out) : filterSorted(out);
    }

    /** Sorts a buffer of copy positions and applies the tandem filter in place; returns the new size. */
    public int sortAndFilter(IntBuffer copies) {
        Arrays.sort(copies.array(), 0, copies.size());
        return filterSorted(copies);
    }

    private int filterSorted(IntBuffer copies) {
        copies.setSize(tandemFilter(copies.array(), copies.size()));
        return copies.size();
    }

    /**
     * An upper bound of {@link #count}: all positions within dist mismatches, before the tandem
     * filter. Cheap, so rare k-mers are ruled out before their copies are gathered.
     */
    public int upperBound(long code) {
        int n = index.neighbours(code, dist, neighbours);
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += index.occurrenceCount(neighbours.get(i));
        }
        return total;
    }

    /** The number of tandem-filtered copies of {@code code}; {@code scratch} is overwritten. */
    public int count(long code, IntBuffer scratch) {
        if (dist > 0) {
            return copies(code, scratch);
        }
        int kmer = index.indexOf(code);
        if (kmer < 0) {
            return 0;
        }
        int s = index.occurrenceStart(kmer), e = index.occurrenceEnd(kmer);
        if (e - s < 2 || tandemDist == 0) {
            return e - s;
        }
        // Exact copies are already sorted: count without copying.
        int kept = 0;
        int prev = -1;
        for (int i = s; i < e; i++) {
            int p = index.position(i);
            if (prev < 0 || !isTandem(prev, p)) {
                kept++;
            }
            prev = p;
        }
        return kept;
    }

    /** Filters a sorted array in place; returns the new length. */
    private int tandemFilter(int[] sorted, int n) {
        if (tandemDist == 0 || n < 2) {
            return n;
        }
        int w = 1;
        int prev = sorted[0];
        for (int i = 1; i < n; i++) {
            int p = sorted[i];
            if (!isTandem(prev, p)) {
                sorted[w++] = p;
            }
            prev = p;
        }
        return w;
    }

    private boolean isTandem(int prev, int p) {
        return p - prev < tandemDist && (oneContig || genome.sameContig(prev, p));
    }
}
