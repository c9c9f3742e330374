package org.reprise.seeds;

import it.unimi.dsi.fastutil.longs.LongArrays;
import org.reprise.util.LongBuffer;

import java.util.Arrays;

/**
 * The seed queue after pre-masking (docs/ALGORITHM.md), in {@code .freq} order: count descending,
 * then position ascending. Each seed has its k-mer code, its count after pre-masking and its
 * position (the representative's first occurrence, genome coordinates); a table made for a driver
 * without a k-mer index (the Spark job) also keeps every seed's tandem-filtered copies on both
 * strands, before any masking, so that the family loop can recount them against the repeat mask.
 * Immutable by convention.
 */
public final class SeedTable {
    private final int[] freq;
    private final long[] position;
    private final long[] code;
    /** The seeds' copies, or null; seed i's are entry {@code slot[i]}. */
    private final PackedCopies copies;
    private final int[] slot;
    /** Codes ascending and, at the same index, the seed's index in table order (for {@link #indexOf}). */
    private final long[] sortedCodes;
    private final int[] sortedIndex;

    /**
     * A table without copies, from its columns (in {@code .freq} order; the arrays are kept): the
     * partitioned strategy's genome-wide candidates, for {@code .freq}.
     */
    public static SeedTable of(int[] freq, long[] position, long[] code) {
        if (freq.length != position.length || freq.length != code.length) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        return new SeedTable(freq, position, code, null, null);
    }

    /**
     * @param copies the seeds' copies, or null when the table keeps none
     * @param slot   seed i's entry in {@code copies} (null with it)
     */
    SeedTable(int[] freq, long[] position, long[] code, PackedCopies copies, int[] slot) {
        this.freq = freq;
        this.position = position;
        this.code = code;
        this.copies = copies;
        this.slot = slot;
        int n = code.length;
        long[] codes = code.clone();
        long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        LongArrays.radixSort(codes, index); // codes are distinct: a plain pair sort
        this.sortedCodes = codes;
        this.sortedIndex = new int[n];
        for (int i = 0; i < n; i++) {
            sortedIndex[i] = (int) index[i];
        }
    }

    public int size() {
        return freq.length;
    }

    /** Copies left after pre-masking. */
    public int freq(int i) {
        return freq[i];
    }

    /** Genome position of the k-mer's representative (first) occurrence. */
    public long position(int i) {
        return position[i];
    }

    /** The k-mer's 2-bit code. */
    public long code(int i) {
        return code[i];
    }

    /** Whether the table keeps the seeds' copies. */
    public boolean hasCopies() {
        return copies != null;
    }

    /** Tandem-filtered copies of seed i's k-mer, ascending, before any masking (a new array). */
    public long[] forward(int i) {
        return copies.forward(slot[i]);
    }

    /** Tandem-filtered copies of seed i's reverse complement, ascending, before any masking (a new array). */
    public long[] reverse(int i) {
        return copies.reverse(slot[i]);
    }

    /** Puts seed i's copies ({@link #forward}, {@link #reverse}) into the buffers. */
    public void copies(int i, LongBuffer forward, LongBuffer reverse) {
        copies.copies(slot[i], forward, reverse);
    }

    /** The index of the seed with this code, or -1. */
    public int indexOf(long kmer) {
        int at = Arrays.binarySearch(sortedCodes, kmer);
        return at < 0 ? -1 : sortedIndex[at];
    }

    /** Copy positions held (both strands, a palindrome's once), for the memory figures. */
    public long copyCount() {
        return copies == null ? 0 : copies.copyCount();
    }
}
