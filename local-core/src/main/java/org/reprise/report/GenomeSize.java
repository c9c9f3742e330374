package org.reprise.report;

/**
 * The size of the input assembly: all bases (valid or not), contigs, and valid bases (A, C, G, T
 * in either case; N and the ambiguity letters are not valid).
 *
 * @param bases      all bases, {@code >= 0}
 * @param contigs    number of contigs, {@code >= 0}
 * @param validBases bases that can be part of a k-mer, {@code 0 <= validBases <= bases}
 */
public record GenomeSize(long bases, long contigs, long validBases) {
    /** @throws IllegalArgumentException if a count is negative or valid bases exceed bases */
    public GenomeSize {
        if (bases < 0 || contigs < 0 || validBases < 0) {
            throw new IllegalArgumentException("negative genome size: bases " + bases + ", contigs " + contigs
                    + ", valid bases " + validBases);
        }
        if (validBases > bases) {
            throw new IllegalArgumentException("valid bases " + validBases + " exceed bases " + bases);
        }
    }
}
