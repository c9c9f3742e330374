package org.reprise.report;

import java.util.Objects;

/**
 * How much of one contig the final library masks.
 *
 * @param name        the contig name (FASTA header up to the first white space), not empty; any
 *                    characters, the report escapes them
 * @param length      the contig length in bases, {@code >= 0}
 * @param maskedBases bases covered by at least one element, {@code 0 <= maskedBases <= length}
 */
public record ContigMasking(String name, long length, long maskedBases) {
    /** @throws IllegalArgumentException if the name is empty or the counts are out of range */
    public ContigMasking {
        Objects.requireNonNull(name, "contig name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty contig name");
        }
        if (length < 0 || maskedBases < 0 || maskedBases > length) {
            throw new IllegalArgumentException("contig " + name + ": masked bases " + maskedBases
                    + " not in 0.." + length);
        }
    }

    /** @return masked bases over length, 0 for an empty contig */
    public double maskedFraction() {
        return length == 0 ? 0 : (double) maskedBases / length;
    }
}
