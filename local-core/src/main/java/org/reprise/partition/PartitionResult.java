package org.reprise.partition;

import java.util.List;
import java.util.Map;

/**
 * What one partition's discovery found, in genome coordinates, for the reconciliation: its
 * families (reported ones, with every element, each marked when it reaches into its chunk's
 * padding: a <em>boundary claim</em>), the bases its drafts that made no family masked, and its
 * figures. Immutable by convention.
 *
 * @param failedRuns what the partition's drafts that made no family masked (its repeat mask less its
 *                   families' elements), as genome intervals: {@code [2i], [2i+1]} half-open, ascending
 * @param retrySeeds seeds whose draft made no family here from fewer copies than the genome has of
 *                   them (canonical codes, ascending): the thin seeds try them again from all their
 *                   copies, which {@code failedRuns} leaves free
 */
public record PartitionResult(int partition, List<PartitionFamily> families, long[] failedRuns, long[] retrySeeds,
                              Map<String, Long> counters, Map<String, Double> seconds) {

    /**
     * A family a partition reported.
     *
     * @param seed        the seed k-mer's code
     * @param seedLetters the seed as letters
     * @param rankCount   the count it was ranked with: genome-wide when the genome-wide table has it
     * @param rankPosition the position it was ranked with (genome coordinates)
     * @param copies      the seed's copies in the partition (REPrise's seedfreq)
     * @param priority    the priority the family loop took the seed at ({@code SeedPriority}): genome-wide
     *                    units, non-increasing in commit order, so partitions' families interleave by it
     * @param order       the family's place in the partition's commit order
     * @param consensus   the consensus
     * @param leftLength  how many of its bases lie left of the seed (the seed's first base is at this offset)
     * @param elements    its elements of at least minlength bases
     * @param forward     the seed's forward copies it was drafted from, genome positions ascending
     * @param reverse     its reverse copies
     */
    public record PartitionFamily(long seed, String seedLetters, int rankCount, long rankPosition, int copies,
                                  int priority, int order, String consensus, int leftLength, List<ClaimedElement> elements,
                                  long[] forward, long[] reverse) {
    }

    /**
     * An element, on its contig, half-open.
     *
     * @param chunkCoreStart core start of the chunk that owns the element's copy (the chunk's identity on its contig)
     * @param boundary       whether the element leaves that chunk's core
     */
    public record ClaimedElement(int contig, long start, long end, boolean reverse, long chunkCoreStart,
                                 boolean boundary) {
        public long length() {
            return end - start;
        }
    }
}
