package org.reprise.seeds;

import org.reprise.index.KmerIndex;
import org.reprise.util.IntBuffer;
import org.reprise.util.LongBuffer;

/**
 * The copies of a k-mer as REPrise counts them, from a {@link KmerIndex}: every position whose
 * k-mer is within {@code dist} mismatches of the query, ascending, after the {@link TandemFilter}.
 *
 * <p>Holds scratch buffers: one instance per thread.
 */
public final class CopyFinder {
    private final KmerIndex index;
    private final int dist;
    private final TandemFilter tandem;
    private final IntBuffer neighbours = new IntBuffer(64);

    public CopyFinder(KmerIndex index, int dist, int tandemDist) {
        this.index = index;
        this.dist = dist;
        this.tandem = new TandemFilter(tandemDist, index.genome().dictionary());
    }

    /** Mismatches allowed between a k-mer and its copies. */
    public int dist() {
        return dist;
    }

    public KmerIndex index() {
        return index;
    }

    public TandemFilter tandemFilter() {
        return tandem;
    }

    /**
     * Writes the tandem-filtered copies of {@code code} into {@code out} (replacing its content)
     * and returns their number.
     */
    public int copies(long code, LongBuffer out) {
        out.clear();
        if (dist == 0) {
            int slot = index.runOf(code);
            return slot < 0 ? 0 : copiesOfRun(slot, out);
        }
        int n = index.neighbours(code, dist, neighbours);
        if (n == 0) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += index.occurrenceCount(neighbours.get(i));
        }
        long[] buf = out.ensureCapacity(total);
        int w = 0;
        for (int i = 0; i < n; i++) {
            int kmer = neighbours.get(i);
            for (int s = index.occurrenceStart(kmer), e = index.occurrenceEnd(kmer); s < e; s++) {
                buf[w++] = index.position(s);
            }
        }
        out.setSize(w);
        // One k-mer's occurrences are already ascending; several k-mers' must be merged.
        return n > 1 ? sortAndFilter(out) : filterSorted(out);
    }

    /**
     * The tandem-filtered exact copies of the k-mer whose occurrences start at index slot
     * {@code slot} ({@link KmerIndex#runOf}), written into {@code out}; returns their number.
     */
    public int copiesOfRun(int slot, LongBuffer out) {
        int end = index.runEnd(slot);
        long[] buf = out.ensureCapacity(end - slot);
        for (int s = slot, w = 0; s < end; s++, w++) {
            buf[w] = index.position(s);
        }
        out.setSize(end - slot);
        return filterSorted(out);
    }

    /** The number of tandem-filtered exact copies of the k-mer whose occurrences are slots [from, to). */
    public int countRun(int from, int to) {
        if (to - from < 2 || !tandem.isActive()) {
            return to - from;
        }
        int kept = 1;
        long prev = index.position(from);
        for (int i = from + 1; i < to; i++) {
            long p = index.position(i);
            if (!tandem.isTandem(prev, p)) {
                kept++;
            }
            prev = p;
        }
        return kept;
    }

    /** Sorts a buffer of copy positions and applies the tandem filter in place; returns the new size. */
    public int sortAndFilter(LongBuffer copies) {
        java.util.Arrays.sort(copies.array(), 0, copies.size());
        return filterSorted(copies);
    }

    private int filterSorted(LongBuffer copies) {
        copies.setSize(tandem.filter(copies.array(), copies.size()));
        return copies.size();
    }

    /**
     * An upper bound of {@link #count}: all positions within dist mismatches, before the tandem
     * filter. Cheap, so rare k-mers are ruled out before their copies are gathered.
     */
    public int upperBound(long code) {
        if (dist == 0) {
            int slot = index.runOf(code);
            return slot < 0 ? 0 : index.runEnd(slot) - slot;
        }
        int n = index.neighbours(code, dist, neighbours);
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += index.occurrenceCount(neighbours.get(i));
        }
        return total;
    }

    /** The number of tandem-filtered copies of {@code code}; {@code scratch} is overwritten. */
    public int count(long code, LongBuffer scratch) {
        if (dist > 0) {
            return copies(code, scratch);
        }
        int slot = index.runOf(code);
        return slot < 0 ? 0 : countRun(slot, index.runEnd(slot));
    }
}
