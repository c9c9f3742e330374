package org.reprise.partition;

import org.reprise.genome.BasesSource;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A genome's bases on disk, one byte a base (the {@link org.reprise.genome.BaseCode} codes),
 * contigs end to end: byte i is genome position i. Written in one pass over the FASTA
 * ({@link org.reprise.genome.FastaGenomeReader#scan}), then read by position, so that a partition,
 * a counting pass or a flank needs only its own bases in memory. Reads are positioned
 * ({@link FileChannel#read(ByteBuffer, long)}) and may come from several threads at once.
 */
public final class BasesFile implements BasesSource, Closeable {
    private final Path path;
    private final FileChannel channel;
    private final long length;

    private BasesFile(Path path, FileChannel channel, long length) {
        this.path = path;
        this.channel = channel;
        this.length = length;
    }

    /** Opens a bases file for reading. */
    public static BasesFile open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new BasesFile(path, ch, ch.size());
    }

    public Path path() {
        return path;
    }

    /** Bases in the file: the genome's length. */
    public long length() {
        return length;
    }

    /**
     * Reads the codes of genome positions {@code [position, position + len)} into
     * {@code dst[off..off+len)}.
     *
     * @throws IOException if the range leaves the file
     */
    @Override
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        if (position < 0 || position + len > length) {
            throw new EOFException("bases [" + position + ", " + (position + len) + ") leave " + path + " of "
                    + length + " bases");
        }
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        long at = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                throw new EOFException(path + " ended at " + at);
            }
            at += n;
        }
    }

    /** The codes of genome positions {@code [from, to)}. */
    public byte[] read(long from, long to) throws IOException {
        if (to - from > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a range of " + (to - from) + " bases is more than one array holds");
        }
        byte[] out = new byte[(int) (to - from)];
        read(from, out, 0, out.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Deletes the file (after {@link #close}); a file already gone is fine. */
    public void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
