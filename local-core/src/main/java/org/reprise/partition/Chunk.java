package org.reprise.partition;

import java.io.Serializable;
import java.util.Objects;

/**
 * A piece of one contig handed to one partition: a <em>core</em> interval
 * {@code [coreStart, coreEnd)} and a <em>padded</em> interval {@code [paddedStart, paddedEnd)},
 * both 0-based, half-open, in the contig's own coordinates.
 *
 * <p><b>Invariant</b>: the padded interval always contains the core interval, the core is never
 * empty, and the padded interval never leaves the contig:
 * {@code 0 <= paddedStart <= coreStart < coreEnd <= paddedEnd <= contigLength}. The constructor
 * checks it, so every {@code Chunk} in existence keeps it.
 *
 * <p>The core is what the chunk is responsible for; the padding is context it may read (so that an
 * extension or alignment that starts in the core never has to leave the chunk) but that belongs to
 * a neighbour. Which chunk owns a base is stated once, in {@link PartitionPlan}: the chunk whose core
 * holds it ({@link #coreContains}); never test a padded interval to decide ownership.
 *
 * <p>Immutable. Ordered by contig index, then core start (genome order). Serializable with Java
 * serialization (Spark closures, partitioners) and, through a hand-written serializer, with Kryo
 * (see {@code org.reprise.spark.RepriseKryoRegistrator}).
 */
public final class Chunk implements Comparable<Chunk>, Serializable {
    private static final long serialVersionUID = 1L;

    private final int contigIndex;
    private final String contigName;
    private final long contigLength;
    private final long coreStart;
    private final long coreEnd;
    private final long paddedStart;
    private final long paddedEnd;

    /**
     * @throws IllegalArgumentException if the invariant above does not hold, or the contig index is
     *         negative
     * @throws NullPointerException if {@code contigName} is null
     */
    public Chunk(int contigIndex, String contigName, long contigLength,
                 long coreStart, long coreEnd, long paddedStart, long paddedEnd) {
        Objects.requireNonNull(contigName, "contigName");
        if (contigIndex < 0) {
            throw new IllegalArgumentException("contig index must be >= 0, got " + contigIndex + " for " + contigName);
        }
        if (!(0 <= paddedStart && paddedStart <= coreStart && coreStart < coreEnd
                && coreEnd <= paddedEnd && paddedEnd <= contigLength)) {
            throw new IllegalArgumentException("chunk of " + contigName + " (length " + contigLength
                    + ") must satisfy 0 <= paddedStart <= coreStart < coreEnd <= paddedEnd <= length; got core ["
                    + coreStart + ", " + coreEnd + ") padded [" + paddedStart + ", " + paddedEnd + ")");
        }
        this.contigIndex = contigIndex;
        this.contigName = contigName;
        this.contigLength = contigLength;
        this.coreStart = coreStart;
        this.coreEnd = coreEnd;
        this.paddedStart = paddedStart;
        this.paddedEnd = paddedEnd;
    }

    /** Index of the contig in input order (the genome's contig table). */
    public int contigIndex() {
        return contigIndex;
    }

    public String contigName() {
        return contigName;
    }

    public long contigLength() {
        return contigLength;
    }

    /** First base of the core interval (inclusive). */
    public long coreStart() {
        return coreStart;
    }

    /** End of the core interval (exclusive). */
    public long coreEnd() {
        return coreEnd;
    }

    /** First base of the padded interval (inclusive). */
    public long paddedStart() {
        return paddedStart;
    }

    /** End of the padded interval (exclusive). */
    public long paddedEnd() {
        return paddedEnd;
    }

    public long coreLength() {
        return coreEnd - coreStart;
    }

    public long paddedLength() {
        return paddedEnd - paddedStart;
    }

    /** Whether {@code position} (0-based, on this chunk's contig) lies in the core interval. */
    public boolean coreContains(long position) {
        return coreStart <= position && position < coreEnd;
    }

    /** Whether {@code position} (0-based, on this chunk's contig) lies in the padded interval. */
    public boolean paddedContains(long position) {
        return paddedStart <= position && position < paddedEnd;
    }

    /** Whether {@code [start, end)} lies wholly inside the padded interval. */
    public boolean paddedContains(long start, long end) {
        return paddedStart <= start && start <= end && end <= paddedEnd;
    }

    /** Whether the core is the whole contig (the contig was not cut). */
    public boolean isWholeContig() {
        return coreStart == 0 && coreEnd == contigLength;
    }

    /** Java deserialization bypasses the constructor: rebuild through it so the invariant is checked. */
    private Object readResolve() {
        return new Chunk(contigIndex, contigName, contigLength, coreStart, coreEnd, paddedStart, paddedEnd);
    }

    @Override
    public int compareTo(Chunk o) {
        int c = Integer.compare(contigIndex, o.contigIndex);
        return c != 0 ? c : Long.compare(coreStart, o.coreStart);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Chunk)) {
            return false;
        }
        Chunk c = (Chunk) o;
        return contigIndex == c.contigIndex && contigLength == c.contigLength
                && coreStart == c.coreStart && coreEnd == c.coreEnd
                && paddedStart == c.paddedStart && paddedEnd == c.paddedEnd
                && contigName.equals(c.contigName);
    }

    @Override
    public int hashCode() {
        int h = contigIndex;
        h = 31 * h + Long.hashCode(coreStart);
        h = 31 * h + Long.hashCode(coreEnd);
        h = 31 * h + Long.hashCode(paddedStart);
        h = 31 * h + Long.hashCode(paddedEnd);
        return h;
    }

    @Override
    public String toString() {
        return contigName + ":[" + coreStart + "," + coreEnd + ") padded [" + paddedStart + "," + paddedEnd + ")";
    }
}
