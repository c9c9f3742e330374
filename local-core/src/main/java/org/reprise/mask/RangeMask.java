package org.reprise.mask;

/**
 * A set of masked genome positions that can answer one question: is a range free. What the
 * masking rules ({@code seeds.UnmaskedCopies}) need, whether the mask is a {@link Bitmask} of the
 * whole genome or a {@link MaskRuns} list shipped to a Spark task.
 */
public interface RangeMask {
    /** Whether no position of {@code [start, end)} is masked. */
    boolean isRangeFree(long start, long end);
}
