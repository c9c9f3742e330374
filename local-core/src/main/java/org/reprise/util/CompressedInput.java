package org.reprise.util;

import htsjdk.samtools.util.BlockCompressedInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The one way every input is opened, whatever its compression: BGZF through htsjdk's
 * {@link BlockCompressedInputStream}, other gzip (single or concatenated members) through the JDK,
 * anything else as it is. Told apart by the gzip magic bytes, not by the file name, so a mis-named
 * file still works. Used for FASTA (local and on Spark) and for the annotations {@code evaluate}
 * reads.
 */
public final class CompressedInput {
    private static final int BUFFER = 1 << 16;

    private CompressedInput() {
    }

    /**
     * Wraps a raw stream so that reading it gives the decompressed bytes. The returned stream owns
     * {@code raw}: closing it closes {@code raw}; if sniffing fails, {@code raw} is closed here.
     *
     * @throws IOException if the first bytes cannot be read
     */
    public static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            in.mark(4);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                if (BlockCompressedInputStream.isValidFile(in)) {
                    return new BufferedInputStream(new BlockCompressedInputStream(in), BUFFER);
                }
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
