package org.reprise.discover;

/** The seed queue after pre-masking, in {@code .freq} order: count descending, position ascending. */
public interface SeedTable {
    int size();

    /** Copies left after pre-masking. */
    int freq(int i);

    /** Genome position of the k-mer's representative (first) occurrence. */
    long position(int i);

    /** The k-mer's 2-bit code. */
    long code(int i);
}
