package org.reprise.seeds;

/**
 * Which side of a k-mer / reverse-complement pair the pair is counted under: the side the genome
 * reads first (the earlier first exact occurrence). REPrise visits positions in genome order and
 * counts a pair at its first position; the representative's position is the pair's position in
 * the ranking and in {@code .freq}. The rule of both drivers.
 */
public final class Representative {
    /** First occurrence of a side that never occurs. */
    public static final long NEVER = Long.MAX_VALUE;

    private Representative() {
    }

    /**
     * @param firstForward first exact occurrence of the k-mer, or {@link #NEVER}
     * @param firstReverse first exact occurrence of its reverse complement, or {@link #NEVER}
     * @return whether the pair is counted under the reverse complement
     */
    public static boolean isReverse(long firstForward, long firstReverse) {
        return firstReverse < firstForward;
    }
}
