package org.reprise.eval;

import java.util.Arrays;

/**
 * The bases of one contig covered by an annotation, as sorted, disjoint, non-adjacent, half-open
 * 0-based intervals [start, end). Merging up front is what makes every base count once, however
 * many overlapping or duplicate records describe it. Primitive arrays keep a whole-genome
 * annotation (millions of records) cheap.
 */
public final class MergedIntervals {
    /** A contig with no annotated base. */
    public static final MergedIntervals EMPTY = new MergedIntervals(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;
    private final long bases;

    private MergedIntervals(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
        }
        this.bases = sum;
    }

    /**
     * Merges raw intervals. Each pair (starts[i], ends[i]) must be non-empty (start &lt; end); the
     * arrays are sorted in place.
     *
     * <p>Starts and ends are sorted independently: the union of intervals depends only on the
     * coverage depth at each position, which is (#starts &le; x) - (#ends &le; x), so the pairing
     * does not matter. This avoids sorting objects. At equal coordinates starts are taken before
     * ends, so touching intervals [a,b) [b,c) become one [a,c).
     */
    static MergedIntervals merge(long[] starts, long[] ends, int n) {
        if (n == 0) {
            return EMPTY;
        }
        Arrays.sort(starts, 0, n);
        Arrays.sort(ends, 0, n);
        long[] outStarts = new long[n];
        long[] outEnds = new long[n];
        int out = 0;
        int i = 0;
        int j = 0;
        int depth = 0;
        long current = 0;
        while (i < n) {
            if (starts[i] <= ends[j]) {
                if (depth == 0) {
                    current = starts[i];
                }
                depth++;
                i++;
            } else {
                depth--;
                if (depth == 0) {
                    outStarts[out] = current;
                    outEnds[out] = ends[j];
                    out++;
                }
                j++;
            }
        }
        // All starts consumed: the remaining ends close the last open run at the largest end.
        outStarts[out] = current;
        outEnds[out] = ends[n - 1];
        out++;
        return new MergedIntervals(Arrays.copyOf(outStarts, out), Arrays.copyOf(outEnds, out));
    }

    /** Number of merged intervals. */
    public int size() {
        return starts.length;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    /** Number of covered bases. */
    public long bases() {
        return bases;
    }

    /** Number of bases covered by both this and {@code other} (a linear two-pointer sweep). */
    public long overlapBases(MergedIntervals other) {
        long total = 0;
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            long lo = Math.max(starts[i], other.starts[j]);
            long hi = Math.min(ends[i], other.ends[j]);
            if (lo < hi) {
                total += hi - lo;
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return total;
    }

    /** The last covered position + 1, or 0 when empty. */
    public long maxEnd() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < starts.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('[').append(starts[i]).append(',').append(ends[i]).append(')');
        }
        return sb.append(']').toString();
    }
}
