package org.reprise.genome;

import java.io.IOException;

/**
 * Where a genome's bases can be read by position (base codes, a byte a base, contigs end to end),
 * from several threads at once (the genome-wide counts and the flank drafts read side by side):
 * the local bases file ({@code partition.BasesFile}).
 */
@FunctionalInterface
public interface BasesSource {
    /** Reads the codes of genome positions {@code [position, position + len)} into {@code dst[off..off+len)}. */
    void read(long position, byte[] dst, int off, int len) throws IOException;
}
