package org.reprise.spark.io;

import htsjdk.samtools.util.BlockCompressedInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.genome.GenomeFormatException;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Opens a FASTA file named by a URI ({@code file://}, {@code hdfs://}, {@code s3a://} when
 * configured, or a plain path: Hadoop's default file system) through Hadoop's {@link FileSystem},
 * whatever its compression: BGZF through htsjdk, other gzip through the JDK, plain text as is (the
 * same choice as local-core's {@link FastaGenomeReader#open}). The parsing is local-core's.
 */
public final class FastaInput {
    private static final int BUFFER = 1 << 16;

    private FastaInput() {
    }

    /**
     * Reads a whole genome through {@link FastaGenomeReader#parse}; bad input, a missing or empty
     * file included, is a {@link GenomeFormatException} with a one-line message naming the URI.
     */
    public static Genome readGenome(String uri, Configuration conf) {
        try (InputStream in = open(uri, conf)) {
            return FastaGenomeReader.parse(in, uri);
        } catch (IOException e) {
            throw new GenomeFormatException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the file for reading, decompressed.
     *
     * @throws GenomeFormatException if it does not exist, is a directory or is empty
     * @throws IOException on a file-system error
     */
    public static InputStream open(String uri, Configuration conf) throws IOException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(conf, "conf");
        if (uri.isBlank()) {
            throw new GenomeFormatException("input URI is empty");
        }
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new GenomeFormatException("input file not found: " + uri);
        }
        if (status.isDirectory()) {
            throw new GenomeFormatException("input is a directory, not a FASTA file: " + uri);
        }
        if (status.getLen() == 0) {
            throw new GenomeFormatException("input file is empty: " + uri);
        }
        BufferedInputStream raw = new BufferedInputStream(fs.open(path, BUFFER), BUFFER);
        try {
            raw.mark(4);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                if (BlockCompressedInputStream.isValidFile(raw)) {
                    return new BufferedInputStream(new BlockCompressedInputStream(raw), BUFFER);
                }
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
