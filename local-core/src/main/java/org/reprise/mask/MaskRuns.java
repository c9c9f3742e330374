package org.reprise.mask;

import org.reprise.util.LongBuffer;

import java.util.Arrays;

/**
 * A mask as its runs of masked positions: sorted, disjoint, non-adjacent half-open intervals,
 * {@code runs[2i] .. runs[2i+1]}. Sixteen bytes a run instead of a bit a base, so a mask with few
 * runs over a large genome travels cheaply (to a Spark task). Immutable.
 */
public final class MaskRuns implements RangeMask {
    private final long[] starts;
    private final long[] ends;

    private MaskRuns(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The runs of {@code mask}. */
    public static MaskRuns of(Bitmask mask) {
        LongBuffer s = new LongBuffer(1024);
        LongBuffer e = new LongBuffer(1024);
        long size = mask.size();
        for (long p = mask.nextSetBit(0); p < size; ) {
            long end = mask.nextClearBit(p);
            s.add(p);
            e.add(end);
            p = end < size ? mask.nextSetBit(end) : size;
        }
        return new MaskRuns(s.toArray(), e.toArray());
    }

    /**
     * Runs given as {@code [start0, end0, start1, end1, ...]}.
     *
     * @throws IllegalArgumentException unless the runs are non-empty, sorted and disjoint
     */
    public static MaskRuns of(long[] runs) {
        if (runs.length % 2 != 0) {
            throw new IllegalArgumentException("runs come in start/end pairs, got " + runs.length + " numbers");
        }
        int n = runs.length / 2;
        long[] s = new long[n];
        long[] e = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = runs[2 * i];
            e[i] = runs[2 * i + 1];
            if (s[i] >= e[i] || (i > 0 && s[i] <= e[i - 1])) {
                throw new IllegalArgumentException("run " + i + " [" + s[i] + ", " + e[i] + ") is empty or not after the one before");
            }
        }
        return new MaskRuns(s, e);
    }

    /** The runs as {@code [start0, end0, start1, end1, ...]}. */
    public long[] toArray() {
        long[] out = new long[2 * starts.length];
        for (int i = 0; i < starts.length; i++) {
            out[2 * i] = starts[i];
            out[2 * i + 1] = ends[i];
        }
        return out;
    }

    public int runCount() {
        return starts.length;
    }

    @Override
    public boolean isRangeFree(long start, long end) {
        if (start >= end) {
            return true;
        }
        // the last run starting before end is the only one that can reach into [start, end)
        int i = Arrays.binarySearch(starts, end);
        i = i >= 0 ? i - 1 : -i - 2;
        return i < 0 || ends[i] <= start;
    }
}
