package org.reprise.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repeat annotation reduced to what base-level evaluation needs: for each contig, the merged
 * set of annotated bases. Contigs keep the order in which they were first seen in the file so
 * that reports follow the input order when no genome is given.
 */
public final class RepeatAnnotation {
    private final Map<String, MergedIntervals> contigs;

    private RepeatAnnotation(Map<String, MergedIntervals> contigs) {
        this.contigs = Collections.unmodifiableMap(contigs);
    }

    /** Contig names with at least one annotated base, in first-seen order. */
    public List<String> contigNames() {
        return List.copyOf(contigs.keySet());
    }

    /** The annotated bases of a contig; {@link MergedIntervals#EMPTY} for an unannotated contig. */
    public MergedIntervals get(String contig) {
        return contigs.getOrDefault(contig, MergedIntervals.EMPTY);
    }

    /** Whether the contig has at least one annotated base. */
    public boolean contains(String contig) {
        return contigs.containsKey(contig);
    }

    /** Total annotated bases over all contigs. */
    public long bases() {
        long sum = 0;
        for (MergedIntervals m : contigs.values()) {
            sum += m.bases();
        }
        return sum;
    }

    /** Collects raw (possibly overlapping, unsorted) intervals, then merges them per contig. */
    public static final class Builder {
        private final Map<String, Raw> raw = new LinkedHashMap<>();

        /** Adds [start, end); empty intervals are ignored (BED allows them, they cover no base). */
        public Builder add(String contig, long start, long end) {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad interval " + contig + ":[" + start + "," + end + ")");
            }
            if (start == end) {
                return this;
            }
            raw.computeIfAbsent(contig, k -> new Raw()).add(start, end);
            return this;
        }

        public RepeatAnnotation build() {
            Map<String, MergedIntervals> merged = new LinkedHashMap<>();
            for (Map.Entry<String, Raw> e : raw.entrySet()) {
                Raw r = e.getValue();
                merged.put(e.getKey(), MergedIntervals.merge(r.starts, r.ends, r.size));
            }
            return new RepeatAnnotation(merged);
        }
    }

    /** A growable pair of long arrays; avoids boxing millions of coordinates. */
    private static final class Raw {
        long[] starts = new long[16];
        long[] ends = new long[16];
        int size;

        void add(long start, long end) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }
    }
}
