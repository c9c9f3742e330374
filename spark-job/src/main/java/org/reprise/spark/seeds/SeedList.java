package org.reprise.spark.seeds;

import org.reprise.discover.SeedTable;

/**
 * The seeds after pre-masking, in {@code .freq} order, each with its tandem-filtered copies on
 * both strands (before any masking): all the family loop needs to recount a seed against the
 * repeat mask, so the driver never needs the k-mer index.
 */
public final class SeedList implements SeedTable {
    private final int[] freq;
    private final long[] position;
    private final long[] code;
    private final long[][] forward;
    private final long[][] reverse;

    SeedList(int[] freq, long[] position, long[] code, long[][] forward, long[][] reverse) {
        this.freq = freq;
        this.position = position;
        this.code = code;
        this.forward = forward;
        this.reverse = reverse;
    }

    @Override
    public int size() {
        return freq.length;
    }

    @Override
    public int freq(int i) {
        return freq[i];
    }

    @Override
    public long position(int i) {
        return position[i];
    }

    @Override
    public long code(int i) {
        return code[i];
    }

    /** Tandem-filtered copies of the seed k-mer itself, ascending. */
    public long[] forward(int i) {
        return forward[i];
    }

    /** Tandem-filtered copies of its reverse complement, ascending. */
    public long[] reverse(int i) {
        return reverse[i];
    }

    /** Copy positions held (both strands), for the driver's memory figures. */
    public long copyCount() {
        long n = 0;
        for (int i = 0; i < freq.length; i++) {
            n += forward[i].length + (reverse[i] == forward[i] ? 0 : reverse[i].length);
        }
        return n;
    }
}
