package org.reprise.discover;

/**
 * The number a seed is queued and compared with in the family loop's lazy queue, from its copy
 * count at that moment. REPrise's is the count itself ({@link #COUNT}). A partition of a genome
 * uses the seed's genome-wide count scaled by the share of its copies still unmasked in the
 * partition, so that every partition takes a family's seeds in the same, genome-wide order; with
 * one partition holding the whole genome the two are the same number.
 */
@FunctionalInterface
public interface SeedPriority {
    /** REPrise's priority: the count. */
    SeedPriority COUNT = (seed, copies) -> copies;

    /** The priority of {@code seed} with {@code copies} unmasked copies now. */
    int of(long seed, int copies);
}
